// The embedded executor against the real serve() handler, with throwaway functions (no database).
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

const functions = [flaky, fatal];
const handler = serve({ client, functions });
const executor = (key = signingKey) =>
  createEmbeddedExecutor({ client, functions, handler, signingKey: key, backoffMs: () => 1, maxSleepMs: 5 });
const event = (name: string) => ({ id: randomBytes(8).toString("hex"), name, data: {}, ts: Date.now() });

describe("embedded executor", () => {
  it("runs steps through the serve handler: retries a failing step, runs parallel steps, honours sleep", async () => {
    const result = await executor().runFunction(flaky, event("test/flaky"));
    expect(result).toEqual({ a: "ok", sum: 3 });
    expect(flakyCalls).toBe(3);
  });

  it("does not retry a NonRetriableError, and reports the run as failed", async () => {
    await expect(executor().deliver(event("test/fatal"))).rejects.toThrow(/fatal failed/);
    expect(fatalCalls).toBe(1);
  });

  it("skips functions that already completed for the same event id", async () => {
    const ex = executor();
    const e = event("test/flaky");
    flakyCalls = 10;
    await ex.deliver(e);
    await ex.deliver(e);
    expect(flakyCalls).toBe(11);
  });

  it("is refused by the handler when calls are signed with another key", async () => {
    await expect(
      executor(`signkey-test-${randomBytes(32).toString("hex")}`).runFunction(flaky, event("test/flaky")),
    ).rejects.toThrow();
    const body = { event: {}, events: [], steps: {}, ctx: {}, version: 2 };
    expect(signRequest(body, signingKey, 0)).toMatch(/^t=0&s=[0-9a-f]{64}$/);
  });
});
