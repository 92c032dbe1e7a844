// GET, POST /api/v1/workspaces/{workspaceId}/tokens
import { createApiToken, listApiTokensPage } from "@/lib/domain/tokens/manage-tokens";
import { route } from "@/lib/http/route";
import { createTokenContract, listTokensContract } from "@/lib/validation/api/tokens";

export const GET = route(listTokensContract, ({ actor, params, query }) =>
  listApiTokensPage(actor, params.workspaceId, query),
);
export const POST = route(createTokenContract, ({ actor, params, body }) =>
  createApiToken(actor, params.workspaceId, body),
);
