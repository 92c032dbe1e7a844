// The runtime as the server starts it (instrumentation.ts): a request that records events gets them delivered
// right after its response, by the embedded executor, with no test helper driving the outbox.
import { afterEach, describe, expect, it, vi } from "vitest";
import { startBackgroundRuntime, stopBackgroundRuntime } from "@/inngest/runtime";
import { getDb } from "@/lib/data/db/client";
import { env } from "@/lib/env";
import { listMailTo } from "@/lib/data/mail/messages";
import { api } from "../support/api";
import { createWorkspaceWithOwner } from "../factories";

async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("background runtime", () => {
  // Each test starts the runtime as the server would; stopping it lets its runs finish before the next test.
  afterEach(() => stopBackgroundRuntime());

  it("delivers the events a request recorded right after its response (invite → email in the dev mailbox)", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    startBackgroundRuntime();
    const email = `invitee-${Date.now()}@example.test`;
    const res = await api("POST", `/api/v1/workspaces/${workspace.id}/invites`, { cookie, body: { email } });
    expect(res.status).toBe(201);
    const mail = await eventually(async () => (await listMailTo(await getDb(), email))[0]);
    expect(mail.subject).toContain("invited you to");
    const row = await eventually(async () => {
      const r = await (await getDb()).outboxEvent.findFirst({ where: { name: "invite/created", status: "SENT" } });
      return r ?? undefined;
    });
    expect(row.requestId).toBe(res.headers.get("x-request-id")); // the request id follows the work it caused
  });

  describe("logs", () => {
    const level = env.LOG_LEVEL;
    let spy: { mockRestore(): void } | undefined;
    afterEach(() => {
      Object.assign(env, { LOG_LEVEL: level });
      spy?.mockRestore();
    });

    it("a background run logs its completion (at debug level) with the id of the request that caused it", async () => {
      const { cookie, workspace } = await createWorkspaceWithOwner();
      startBackgroundRuntime();
      Object.assign(env, { LOG_LEVEL: "debug" });
      const lines: Record<string, unknown>[] = [];
      spy = vi.spyOn(console, "log").mockImplementation((line: unknown) => {
        if (typeof line === "string" && line.startsWith("{")) lines.push(JSON.parse(line) as Record<string, unknown>);
      });
      const requestId = `req-trace-${Date.now()}`;
      const res = await api("POST", `/api/v1/workspaces/${workspace.id}/invites`, {
        cookie,
        body: { email: `traced-${Date.now()}@example.test` },
        headers: { "x-request-id": requestId },
      });
      expect(res.headers.get("x-request-id")).toBe(requestId);
      const done = await eventually(() =>
        Promise.resolve(lines.find((l) => l.message === "function run completed" && l.event === "invite/created")),
      );
      expect(done).toMatchObject({
        level: "debug",
        requestId,
        fn: expect.stringContaining("invite"),
        eventId: expect.any(String),
      });
      // Work with no request behind it (a cron tick) carries no request id.
      expect(
        lines.filter(
          (l) => l.message === "function run completed" && l.event === "inngest/scheduled.timer" && "requestId" in l,
        ),
      ).toEqual([]);
    });
  });
});
