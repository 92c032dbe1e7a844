// GET, PUT /api/v1/workspaces/{workspaceId}/posts/{postId}/follow
import { getFollow, setFollow } from "@/lib/domain/inbox/inbox";
import { route } from "@/lib/http/route";
import { getFollowContract, setFollowContract } from "@/lib/validation/api/inbox";

export const GET = route(getFollowContract, ({ actor, params }) => getFollow(actor, params.workspaceId, params.postId));
export const PUT = route(setFollowContract, ({ actor, params, body }) =>
  setFollow(actor, params.workspaceId, params.postId, body.following),
);
