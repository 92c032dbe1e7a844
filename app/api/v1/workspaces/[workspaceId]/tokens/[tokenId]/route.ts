// DELETE /api/v1/workspaces/{workspaceId}/tokens/{tokenId} — revoke.
import { revokeToken } from "@/lib/domain/tokens/manage-tokens";
import { route } from "@/lib/http/route";
import { revokeTokenContract } from "@/lib/validation/api/tokens";

export const DELETE = route(revokeTokenContract, ({ actor, params }) =>
  revokeToken(actor, params.workspaceId, params.tokenId),
);
