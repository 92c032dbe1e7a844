// GET, PATCH /api/v1/workspaces/{workspaceId}
import { updateWorkspace } from "@/lib/domain/workspaces/update-workspace";
import { getWorkspaceOrThrow } from "@/lib/domain/workspaces/get-workspace";
import { route } from "@/lib/http/route";
import { getWorkspaceContract, updateWorkspaceContract } from "@/lib/validation/api/workspaces";

export const GET = route(getWorkspaceContract, ({ actor, params }) => getWorkspaceOrThrow(actor, params.workspaceId));

export const PATCH = route(updateWorkspaceContract, ({ actor, params, body }) =>
  updateWorkspace(actor, params.workspaceId, body),
);
