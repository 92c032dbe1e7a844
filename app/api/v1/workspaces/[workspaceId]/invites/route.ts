// GET, POST /api/v1/workspaces/{workspaceId}/invites
import { createInvite } from "@/lib/domain/invites/create-invite";
import { listInvites } from "@/lib/domain/invites/manage-invites";
import { route } from "@/lib/http/route";
import { createInviteContract, listInvitesContract } from "@/lib/validation/api/invites";

export const GET = route(listInvitesContract, ({ actor, params }) => listInvites(actor, params.workspaceId));
export const POST = route(createInviteContract, ({ actor, params, body }) =>
  createInvite(actor, params.workspaceId, body),
);
