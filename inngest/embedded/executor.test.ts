// The embedded executor against the real serve() handler, and calling the SDK's execution engine directly (what the
// app runs), with throwaway functions (no database): both must give the same runs.
import { randomBytes } from "node:crypto";
import { Inngest, NonRetriableError } from "inngest";
import { serve } from "inngest/next";
import { describe, expect, it } from "vitest";
import { createEmbeddedExecutor, signRequest } from "./executor";

const signingKey = `signkey-test-${randomBytes(32).toString("hex")}`;
const client = new Inngest({
  id: "executor-test",
  isDev: false,
  eventKey: "test",
  signingKey,
  logger: { info() {}, warn() {}, error() {}, debug() {} },
});

let flakyCalls = 0;
const flaky = client.createFunction(
  { id: "flaky", retries: 3, triggers: [{ event: "test/flaky" }] },
  async ({ step }) => {
    const a = await step.run("flaky-step", () => {
      flakyCalls++;
      if (flakyCalls < 3) throw new Error(`boom ${flakyCalls}`);
      return "ok";
    });
    const [b, c] = await Promise.all([step.run("left", () => 1), step.run("right", () => 2)]);
    await step.sleep("nap", "10s");
    return { a, sum: b + c };
  },
);

let fatalCalls = 0;
const fatal = client.createFunction(
  { id: "fatal", retries: 3, triggers: [{ event: "test/fatal" }] },
  async ({ step }) =>
    step.run("refuse", () => {
      fatalCalls++;
      throw new NonRetriableError("no point retrying");
    }),
);

const seen: unknown[] = [];
const dated = client.createFunction(
  { id: "dated", retries: 0, triggers: [{ event: "test/dated" }] },
  async ({ step }) => {
    const at = await step.run("when", () => new Date(0));
    seen.push(at);
    return { at };
  },
);

const functions = [flaky, fatal, dated];
const handler = serve({ client, functions });
const executor = (key = signingKey, direct = false) =>
  createEmbeddedExecutor({ client, functions, handler, signingKey: key, direct, backoffMs: () => 1, maxSleepMs: 5 });
const event = (name: string) => ({ id: randomBytes(8).toString("hex"), name, data: {}, ts: Date.now() });

describe.each([
  { mode: "through the serve handler", direct: false },
  { mode: "calling the execution engine directly", direct: true },
])("embedded executor, $mode", ({ direct }) => {
  it("retries a failing step, runs parallel steps, honours sleep", async () => {
    flakyCalls = 0;
    const result = await executor(signingKey, direct).runFunction(flaky, event("test/flaky"));
    expect(result).toEqual({ a: "ok", sum: 3 });
    expect(flakyCalls).toBe(3);
  });

  it("does not retry a NonRetriableError, and reports the run as failed", async () => {
    fatalCalls = 0;
    await expect(executor(signingKey, direct).deliver(event("test/fatal"))).rejects.toThrow(/fatal failed/);
    expect(fatalCalls).toBe(1);
  });

  it("skips functions that already completed for the same event id", async () => {
    const ex = executor(signingKey, direct);
    const e = event("test/flaky");
    flakyCalls = 10;
    await ex.deliver(e);
    await ex.deliver(e);
    expect(flakyCalls).toBe(11);
  });

  it("hands steps their memoized data as JSON, as over the wire", async () => {
    seen.length = 0;
    await expect(executor(signingKey, direct).runFunction(dated, event("test/dated"))).resolves.toEqual({
      at: "1970-01-01T00:00:00.000Z",
    });
    expect(seen).toContain("1970-01-01T00:00:00.000Z");
  });
});

describe("embedded executor through the serve handler", () => {
  it("is refused by the handler when calls are signed with another key", async () => {
    await expect(
      executor(`signkey-test-${randomBytes(32).toString("hex")}`).runFunction(flaky, event("test/flaky")),
    ).rejects.toThrow();
    const body = { event: {}, events: [], steps: {}, ctx: {}, version: 2 };
    expect(signRequest(body, signingKey, 0)).toMatch(/^t=0&s=[0-9a-f]{64}$/);
  });
});
