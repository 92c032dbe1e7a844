// GET /api/v1/workspaces/{workspaceId}/audit/export — the audit log as JSON Lines, streamed (owners only).
import { exportAudit } from "@/lib/domain/audit/read-audit";
import { route } from "@/lib/http/route";
import { exportAuditEventsContract } from "@/lib/validation/api/audit";

export const GET = route(exportAuditEventsContract, ({ actor, params, query }) =>
  exportAudit(actor, params.workspaceId, query),
);
