// POST /api/v1/workspaces/{workspaceId}/posts/{postId}/files
import { attachFiles } from "@/lib/domain/files/attach";
import { route } from "@/lib/http/route";
import { attachFilesContract } from "@/lib/validation/api/files";

export const POST = route(attachFilesContract, ({ actor, params, body }) =>
  attachFiles(actor, params.workspaceId, params.postId, body),
);
