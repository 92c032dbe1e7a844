// PUT /api/v1/workspaces/{workspaceId}/files/{fileId}/content
import { receiveUpload } from "@/lib/domain/files/upload";
import { route } from "@/lib/http/route";
import { uploadContentContract } from "@/lib/validation/api/files";

export const PUT = route(uploadContentContract, ({ actor, params, body }) =>
  receiveUpload(actor, params.workspaceId, params.fileId, Buffer.from(body.data, "base64")),
);
