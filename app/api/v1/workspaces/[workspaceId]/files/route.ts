// POST /api/v1/workspaces/{workspaceId}/files
import { requestUpload } from "@/lib/domain/files/upload";
import { route } from "@/lib/http/route";
import { requestUploadContract } from "@/lib/validation/api/files";

export const POST = route(requestUploadContract, ({ actor, params, body }) =>
  requestUpload(actor, params.workspaceId, body),
);
