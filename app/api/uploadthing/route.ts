// The UploadThing file router (lib/http/upload-router.ts): the browser asks here for presigned uploads, and the
// ingest (UploadThing's, or the local one in the embedded mode) calls back here when a file is stored.
import { uploadHandler } from "@/lib/http/upload-router";

export const GET = (req: Request) => uploadHandler().GET(req as never);
export const POST = (req: Request) => uploadHandler().POST(req as never);
