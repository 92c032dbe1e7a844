// POST /api/v1/workspaces/{workspaceId}/invites/{inviteId}/resend
import { resendInvite } from "@/lib/domain/invites/manage-invites";
import { route } from "@/lib/http/route";
import { resendInviteContract } from "@/lib/validation/api/invites";

export const POST = route(resendInviteContract, ({ actor, params }) =>
  resendInvite(actor, params.workspaceId, params.inviteId),
);
