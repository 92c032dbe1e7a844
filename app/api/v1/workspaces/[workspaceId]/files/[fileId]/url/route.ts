// GET /api/v1/workspaces/{workspaceId}/files/{fileId}/url
import { fileUrl } from "@/lib/domain/files/deliver";
import { route } from "@/lib/http/route";
import { getFileUrlContract } from "@/lib/validation/api/files";

export const GET = route(getFileUrlContract, ({ actor, params, query }) =>
  fileUrl(actor, params.fileId, query, params.workspaceId),
);
