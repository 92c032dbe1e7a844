// PUT /api/v1/workspaces/{workspaceId}/posts/{postId}/pin
import { setPinned } from "@/lib/domain/posts/pin-post";
import { route } from "@/lib/http/route";
import { setPinContract } from "@/lib/validation/api/reactions";

export const PUT = route(setPinContract, ({ actor, params, body }) =>
  setPinned(actor, params.workspaceId, params.postId, body.pinned),
);
