// GET /api/v1/workspaces/{workspaceId}/audit — the audit log, newest first (owners only).
import { listAudit } from "@/lib/domain/audit/read-audit";
import { route } from "@/lib/http/route";
import { listAuditEventsContract } from "@/lib/validation/api/audit";

export const GET = route(listAuditEventsContract, ({ actor, params, query }) =>
  listAudit(actor, params.workspaceId, query),
);
