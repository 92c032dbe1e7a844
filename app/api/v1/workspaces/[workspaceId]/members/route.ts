// GET /api/v1/workspaces/{workspaceId}/members
import { listMembersPage } from "@/lib/domain/members/list-members";
import { route } from "@/lib/http/route";
import { listMembersContract } from "@/lib/validation/api/members";

export const GET = route(listMembersContract, ({ actor, params, query }) =>
  listMembersPage(actor, params.workspaceId, query),
);
