// GET /api/health — each layer's status (database, queue, email, rate limits); adapters and problems for an operator.
import { checkHealth } from "@/lib/domain/health/check-health";
import { route } from "@/lib/http/route";
import { healthContract } from "@/lib/validation/api/health";

export const dynamic = "force-dynamic";
export const GET = route(healthContract, ({ actor, operator }) => checkHealth(actor, operator));
