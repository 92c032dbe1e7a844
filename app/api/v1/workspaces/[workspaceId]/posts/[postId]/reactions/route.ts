// GET, PUT /api/v1/workspaces/{workspaceId}/posts/{postId}/reactions
import { listReactions, setReaction } from "@/lib/domain/reactions/reactions";
import { route } from "@/lib/http/route";
import { listReactionsContract, setReactionContract } from "@/lib/validation/api/reactions";

export const GET = route(listReactionsContract, ({ actor, params }) =>
  listReactions(actor, params.workspaceId, params.postId),
);
export const PUT = route(setReactionContract, ({ actor, params, body }) =>
  setReaction(actor, params.workspaceId, params.postId, body),
);
