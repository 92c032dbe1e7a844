// GET, POST /api/v1/workspaces
import { createWorkspace } from "@/lib/domain/workspaces/create-workspace";
import { listMyWorkspacesPage } from "@/lib/domain/workspaces/list-workspaces";
import { route } from "@/lib/http/route";
import { createWorkspaceContract, listWorkspacesContract } from "@/lib/validation/api/workspaces";

export const GET = route(listWorkspacesContract, ({ actor, query }) => listMyWorkspacesPage(actor, query));
export const POST = route(createWorkspaceContract, ({ actor, body }) => createWorkspace(actor, body));
