// GET /api/health — each layer (database, queue, email) and the adapter serving it.
import { checkHealth } from "@/lib/domain/health/check-health";
import { route } from "@/lib/http/route";
import { healthContract } from "@/lib/validation/api/health";

export const dynamic = "force-dynamic";
export const GET = route(healthContract, () => checkHealth());
