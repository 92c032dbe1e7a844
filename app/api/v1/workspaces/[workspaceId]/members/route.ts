// GET /api/v1/workspaces/{workspaceId}/members
import { listMembers } from "@/lib/domain/members/list-members";
import { route } from "@/lib/http/route";
import { listMembersContract } from "@/lib/validation/api/members";

export const GET = route(listMembersContract, ({ actor, params }) => listMembers(actor, params.workspaceId));
