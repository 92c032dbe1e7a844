// POST /api/v1/workspaces/{workspaceId}/invites/accept
import { acceptInvite } from "@/lib/domain/invites/accept-invite";
import { route } from "@/lib/http/route";
import { acceptInviteContract } from "@/lib/validation/api/invites";

export const POST = route(acceptInviteContract, ({ actor, params, body }) =>
  acceptInvite(actor, body.token, params.workspaceId),
);
