// GET /api/v1/workspaces/{workspaceId}/files/{fileId}
import { getFile } from "@/lib/domain/files/deliver";
import { route } from "@/lib/http/route";
import { getFileContract } from "@/lib/validation/api/files";

export const GET = route(getFileContract, ({ actor, params }) => getFile(actor, params.workspaceId, params.fileId));
