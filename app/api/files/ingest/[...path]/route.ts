// The embedded mode's local stand-in for UploadThing's ingest server (lib/data/files/local-ingest.ts); a 404 when
// UploadThing itself stores the files.
import { localIngest } from "@/lib/domain/files/upload-session";

type Ctx = { params: Promise<{ path: string[] }> };
const handle = async (req: Request, ctx: Ctx) => localIngest(req, (await ctx.params).path);

export { handle as POST, handle as PUT, handle as HEAD };
