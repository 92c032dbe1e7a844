// GET /api/files/blob/{key}?exp&n&t&d&sig — the local disk store's signed URLs: signature and expiry checked, then
// the bytes streamed (ranges too) as attachment or as an inline image the app made, never sniffed.
import { openSignedBlob } from "@/lib/domain/files/deliver";

const codes = { 403: "FORBIDDEN", 404: "NOT_FOUND", 416: "RANGE_NOT_SATISFIABLE" } as const;

export async function GET(req: Request, ctx: { params: Promise<{ key: string }> }) {
  const url = new URL(req.url);
  const result = await openSignedBlob((await ctx.params).key, url.searchParams, req.headers.get("range"));
  if (!result.ok) {
    return Response.json(
      { error: { code: codes[result.status], message: result.message } },
      { status: result.status, headers: { "x-content-type-options": "nosniff" } },
    );
  }
  return new Response(result.body, { status: result.status, headers: result.headers });
}
