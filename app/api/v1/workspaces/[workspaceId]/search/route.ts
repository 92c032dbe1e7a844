// GET /api/v1/workspaces/{workspaceId}/search
import { search } from "@/lib/domain/search/search";
import { route } from "@/lib/http/route";
import { searchContract } from "@/lib/validation/api/search";

export const GET = route(searchContract, ({ actor, params, query }) => search(actor, params.workspaceId, query));
