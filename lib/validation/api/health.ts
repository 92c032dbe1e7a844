// Operational endpoints outside /api/v1 (not part of the versioned API document).
import { z } from "zod";
import { contract } from "../contract";

const layer = z.object({ ok: z.boolean(), adapter: z.string() });
const ok = z.object({ ok: z.boolean() });

/** What an operator sees: each layer's adapter, problems in words, the outbox backlog. */
export const healthDetails = z.object({
  ok: z.boolean(),
  database: layer.extend({ latencyMs: z.number() }),
  queue: layer.extend({ outboxPending: z.number().int(), outboxDead: z.number().int() }),
  /** Not ok when emails are kept in the dev mailbox but no page shows them. */
  email: layer.extend({ error: z.string().optional() }),
  /** Rate-limit counters; when they cannot be reached requests are let through, so this never fails the check. */
  rateLimit: layer.extend({ error: z.string().optional() }),
  /** The file store: `disk` (embedded) or `uploadthing`. */
  storage: layer.extend({ error: z.string().optional() }),
});

/** What anyone sees: ok per layer, nothing about how or where it runs. */
export const healthSummary = z.object({
  ok: z.boolean(),
  database: ok,
  queue: ok,
  email: ok,
  rateLimit: ok,
  storage: ok,
});

export const healthContract = contract({
  operationId: "getHealth",
  method: "GET",
  path: "/health",
  tag: "Operations",
  summary: "Each layer's status; its adapter and problems for an operator (HEALTH_TOKEN or a workspace owner)",
  auth: "none",
  operatorToken: true,
  response: z.union([healthDetails, healthSummary]),
  status: 200,
  maxStatements: 3,
  errors: ["UNAUTHENTICATED", "UNAVAILABLE"],
});
