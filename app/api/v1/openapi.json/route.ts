// GET /api/v1/openapi.json — the OpenAPI 3.1 document, generated from the contracts.
import { env } from "@/lib/env";
import { route } from "@/lib/http/route";
import { openApiContract } from "@/lib/validation/api/workspaces";
import { buildOpenApiDocument } from "@/lib/validation/openapi";

export const GET = route(openApiContract, () => Promise.resolve({ ...buildOpenApiDocument(env.APP_URL) }));
