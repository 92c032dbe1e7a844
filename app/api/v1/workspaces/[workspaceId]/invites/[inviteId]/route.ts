// DELETE /api/v1/workspaces/{workspaceId}/invites/{inviteId}
import { revokeInvite } from "@/lib/domain/invites/manage-invites";
import { route } from "@/lib/http/route";
import { revokeInviteContract } from "@/lib/validation/api/invites";

export const DELETE = route(revokeInviteContract, ({ actor, params }) =>
  revokeInvite(actor, params.workspaceId, params.inviteId),
);
