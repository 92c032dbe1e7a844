// The audit log: owners read it newest first in cursor pages, or export it whole (filtered) as JSON Lines.
import { workspaceParams } from "../common";
import { contract } from "../contract";
import { auditEventListResponse, auditEventResponse, auditExportQuery, auditListQuery } from "../audit";

export const listAuditEventsContract = contract({
  operationId: "listAuditEvents",
  method: "GET",
  path: "/workspaces/{workspaceId}/audit",
  tag: "Audit log",
  summary: "The workspace's audit log, newest first, filtered by action, actor, target and time (owners only)",
  auth: { scope: "admin" },
  params: workspaceParams,
  query: auditListQuery,
  response: auditEventListResponse,
  paginated: true,
  status: 200,
  maxStatements: 3,
});

export const exportAuditEventsContract = contract({
  operationId: "exportAuditEvents",
  method: "GET",
  path: "/workspaces/{workspaceId}/audit/export",
  tag: "Audit log",
  summary:
    "The audit log as JSON Lines (one AuditEvent per line, oldest first, with each row's hash chain fields), streamed; same filters as the list (owners only)",
  auth: { scope: "admin" },
  params: workspaceParams,
  query: auditExportQuery,
  response: auditEventResponse,
  ndjson: { filename: "audit-log.jsonl" },
  status: 200,
  maxStatements: 4,
});
