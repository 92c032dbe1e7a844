// The client's address, for per-client rate limits: the first X-Forwarded-For entry, which Vercel (or any proxy
// that sets the header) makes the real client. Exposed directly, without such a proxy, a client can send its own
// header and so pick its bucket; with no header at all, every client shares one ("direct").
export function clientAddress(headers: Pick<Headers, "get">): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "direct";
}
