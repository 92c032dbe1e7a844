// Finding 3 on the production server: a database that accepts connections and never answers. Health answers 503
// within its deadline, the API answers 503, pages answer a quick 503 with Retry-After, and the log says why.
import net from "node:net";
import { afterAll, expect, it } from "vitest";
import { baseEnv, startServer, waitFor, type Server } from "./server";

const PORT = 3211;
const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => {
  sockets.add(socket);
  socket.on("error", () => {});
});
let server: Server | undefined;

afterAll(async () => {
  await server?.kill();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

it("answers 503 (health, API) and the unavailable page (pages), and logs why", async () => {
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as net.AddressInfo;
  server = startServer(PORT, {
    ...baseEnv(PORT),
    DATABASE_URL: `postgresql://tidings@127.0.0.1:${port}/tidings`,
    DATABASE_CONNECT_TIMEOUT_MS: "1000",
    DATABASE_QUERY_TIMEOUT_MS: "2000",
  });
  const health = await waitFor(`${server.url}/api/health`, (res) => res.status !== 500 && res.status < 600);
  expect(health.res.status).toBe(503);
  expect(JSON.parse(health.body).error.code).toBe("UNAVAILABLE");
  expect(Number(health.res.headers.get("retry-after"))).toBeGreaterThan(0);

  const api = await fetch(`${server.url}/api/v1/workspaces`, {
    headers: { authorization: `Bearer tid_${"a".repeat(40)}` },
  });
  expect(api.status).toBe(503);
  expect(((await api.json()) as { error: { code: string } }).error.code).toBe("UNAVAILABLE");
  expect(Number(api.headers.get("retry-after"))).toBeGreaterThan(0);

  // Health and the API found the database silent: meanwhile every page answers a 503 with Retry-After at once, from the
  // proxy, without waiting on the database. A file needs no database and is still served.
  const page = await fetch(`${server.url}/dev/mailbox`);
  expect(page.status).toBe(503);
  const retryAfter = Number(page.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThan(0);
  expect(await page.text()).toContain("The database is not answering");
  expect((await fetch(`${server.url}/robots.txt`)).status).toBe(200);

  // It holds as long as the database stays silent: whatever asks it meanwhile (the API, health, the server's own
  // background work) finds it silent again, so pages keep answering 503 after the first retry time has passed.
  await new Promise((resolve) => setTimeout(resolve, (retryAfter + 1) * 1000));
  await fetch(`${server.url}/api/health`);
  const later = await fetch(`${server.url}/dev/mailbox`);
  expect(later.status).toBe(503);
  expect(Number(later.headers.get("retry-after"))).toBeGreaterThan(0);

  expect(sockets.size).toBeGreaterThan(0); // it was our silent listener that did not answer
  expect(server.output()).toMatch(/database unavailable/);
});
