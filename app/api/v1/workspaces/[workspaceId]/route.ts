// GET /api/v1/workspaces/{workspaceId}
import { getWorkspaceOrThrow } from "@/lib/domain/workspaces/get-workspace";
import { route } from "@/lib/http/route";
import { getWorkspaceContract } from "@/lib/validation/api/workspaces";

export const GET = route(getWorkspaceContract, ({ actor, params }) => getWorkspaceOrThrow(actor, params.workspaceId));
