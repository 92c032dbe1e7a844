// The cookie jar and request headers that next/headers' cookies() and headers() return inside integration tests
// (see setup-integration.ts).
const jar = new Map<string, string>();

export const testCookies = {
  get: (name: string) => (jar.has(name) ? { name, value: jar.get(name) ?? "" } : undefined),
  getAll: () => [...jar].map(([name, value]) => ({ name, value })),
  has: (name: string) => jar.has(name),
  set: (name: string, value: string) => void jar.set(name, value),
  delete: (name: string) => void jar.delete(name),
};

/** Acts as this session in server actions (null signs out). */
export function useSessionCookie(cookie: string | null) {
  jar.clear();
  if (cookie) {
    const eq = cookie.indexOf("=");
    jar.set(cookie.slice(0, eq), cookie.slice(eq + 1));
  }
}

/** The request headers server actions see (e.g. X-Forwarded-For for per-client rate limits). */
export const testHeaders = new Headers();

export function useRequestHeaders(values: Record<string, string>) {
  for (const name of [...testHeaders.keys()]) testHeaders.delete(name);
  for (const [name, value] of Object.entries(values)) testHeaders.set(name, value);
}
