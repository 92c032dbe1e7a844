// A database that accepts connections but never answers (a local TCP listener that says nothing) must not hang
// requests: health answers 503 within its deadline, the API answers 503 UNAVAILABLE with Retry-After, the log says why.
import net from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { api } from "../support/api";

const sockets = new Set<net.Socket>();
const silent = net.createServer((socket) => {
  sockets.add(socket); // accepted, never answered
  socket.on("error", () => {});
  socket.on("close", () => sockets.delete(socket));
});
let connections = 0;
silent.on("connection", () => connections++);
await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
const { port } = silent.address() as net.AddressInfo;

// Before any app module reads the environment (they are imported lazily through api()).
process.env.DATABASE_URL = `postgresql://tidings@127.0.0.1:${port}/tidings`;
process.env.DATABASE_CONNECT_TIMEOUT_MS = "500";
process.env.DATABASE_QUERY_TIMEOUT_MS = "1000";

afterAll(async () => {
  const { closeDb } = await import("@/lib/data/db/client");
  await closeDb();
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
});

function warnings(spy: { mock: { calls: unknown[][] } }): string {
  return spy.mock.calls.map((args) => args.map(String).join(" ")).join("\n");
}

describe("a database that accepts connections but never answers", () => {
  it("health answers 503 UNAVAILABLE with Retry-After, and the log says why", async () => {
    const warn = vi.spyOn(console, "warn");
    const res = await api("GET", "/api/health");
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe("UNAVAILABLE");
    expect(res.json.error.message).toMatch(/database is not answering/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(warnings(warn)).toMatch(/database is not answering/);
    warn.mockRestore();
  });

  it("an API call answers 503 UNAVAILABLE with Retry-After instead of hanging, and the log says why", async () => {
    const warn = vi.spyOn(console, "warn");
    const res = await api("GET", "/api/v1/workspaces", { token: "tid_" + "a".repeat(40) });
    expect(res.status).toBe(503);
    expect(res.json.error).toMatchObject({ code: "UNAVAILABLE" });
    expect(res.json.error.message).toMatch(/database is not answering right now/i);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(warnings(warn)).toMatch(/database unavailable.*connection timeout/s);
    expect(connections).toBeGreaterThan(0); // it really was our silent listener that did not answer
    warn.mockRestore();
  });

  it("a raw read that skips Prisma's engine (queryRows) is 'unavailable' too, not a raw driver error", async () => {
    const warn = vi.spyOn(console, "warn");
    const { DatabaseUnavailableError, getDb } = await import("@/lib/data/db/client");
    const { queryRows } = await import("@/lib/data/db/raw-read");
    const { Prisma } = await import("@/lib/data/generated/prisma/client");
    const read = queryRows(await getDb(), Prisma.sql`SELECT 1::int AS "one"`);
    await expect(read).rejects.toBeInstanceOf(DatabaseUnavailableError);
    expect(warnings(warn)).toMatch(/database unavailable.*queryRows/s);
    warn.mockRestore();
  });
});
