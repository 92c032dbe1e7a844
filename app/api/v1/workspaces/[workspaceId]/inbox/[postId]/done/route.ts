// POST /api/v1/workspaces/{workspaceId}/inbox/{postId}/done
import { markInboxItemDone } from "@/lib/domain/inbox/inbox";
import { route } from "@/lib/http/route";
import { markInboxDoneContract } from "@/lib/validation/api/inbox";

export const POST = route(markInboxDoneContract, ({ actor, params }) =>
  markInboxItemDone(actor, params.workspaceId, params.postId),
);
