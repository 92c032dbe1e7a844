// GET /api/v1/workspaces/{workspaceId}/catch-up
import { catchUp } from "@/lib/domain/digest/catch-up";
import { route } from "@/lib/http/route";
import { catchUpContract } from "@/lib/validation/api/channels";

export const GET = route(catchUpContract, ({ actor, params }) => catchUp(actor, params.workspaceId));
