// GET, POST /api/v1/workspaces/{workspaceId}/invites
import { createInvite } from "@/lib/domain/invites/create-invite";
import { listInvitesPage } from "@/lib/domain/invites/manage-invites";
import { route } from "@/lib/http/route";
import { createInviteContract, listInvitesContract } from "@/lib/validation/api/invites";

export const GET = route(listInvitesContract, ({ actor, params, query }) =>
  listInvitesPage(actor, params.workspaceId, query),
);
export const POST = route(createInviteContract, ({ actor, params, body }) =>
  createInvite(actor, params.workspaceId, body),
);
