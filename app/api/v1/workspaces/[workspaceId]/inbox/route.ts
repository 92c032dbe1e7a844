// GET /api/v1/workspaces/{workspaceId}/inbox
import { listInboxPage } from "@/lib/domain/inbox/inbox";
import { route } from "@/lib/http/route";
import { listInboxContract } from "@/lib/validation/api/inbox";

export const GET = route(listInboxContract, ({ actor, params, query }) =>
  listInboxPage(actor, params.workspaceId, query),
);
