// Finding 13: an invalid environment stops `next start` with the reason, instead of a server answering 500s.
import { afterAll, expect, it } from "vitest";
import { baseEnv, startServer, type Server } from "./server";

const PORT = 3210;
let server: Server | undefined;
afterAll(() => server?.kill());

it("exits non-zero with the message when a variable is invalid, and serves nothing", async () => {
  server = startServer(PORT, { ...baseEnv(PORT), PGLITE_DATA_DIR: "memory://", RATE_LIMIT_API_PER_MINUTE: "1000000" });
  const code = await server.exited;
  expect(code).toBe(1);
  expect(server.output()).toMatch(/Invalid environment/);
  expect(server.output()).toMatch(/RATE_LIMIT_API_PER_MINUTE/);
  expect(server.output()).toMatch(/The server did not start/);
  await expect(fetch(`${server.url}/api/health`)).rejects.toThrow(); // nobody is listening any more
});
