// GET /api/files/{fileId}?variant|width|format|quality|download — for the app's own pages (<img src>, links):
// checks that the signed-in person can see the file's post, then redirects to a short-lived signed URL.
import { randomUUID } from "node:crypto";
import { actorFromRequest } from "@/lib/auth/resolve-actor";
import { fileUrl } from "@/lib/domain/files/deliver";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/route";
import { toAppError, validationError } from "@/lib/http/errors";
import { fileUrlQuery } from "@/lib/validation/files";

export async function GET(req: Request, ctx: { params: Promise<{ fileId: string }> }) {
  const requestId = randomUUID();
  try {
    const actor = await actorFromRequest(req);
    if (!actor) throw new AppError("NOT_FOUND", "File not found");
    const query = fileUrlQuery.safeParse(Object.fromEntries(new URL(req.url).searchParams));
    if (!query.success) throw validationError(query.error, "query string");
    const { url } = await fileUrl(actor, (await ctx.params).fileId, query.data);
    return new Response(null, {
      status: 302,
      headers: { location: url, "cache-control": "private, no-store", "x-request-id": requestId },
    });
  } catch (error) {
    return errorResponse(toAppError(error, { requestId, operation: "openFile" }), requestId);
  }
}
