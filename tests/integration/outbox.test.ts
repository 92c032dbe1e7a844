import { afterEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { MAX_ATTEMPTS, backoffMs, outboxIdle, relayOutbox, relayRecorded } from "@/lib/outbox/relay";
import { setOutboxPublisher, type OutboxPublisher } from "@/lib/outbox/publisher";
import { recordEvent } from "@/lib/outbox/record";
import { transaction } from "@/lib/data/db/transaction";
import { takeRecordedOutbox, withRequestContext } from "@/lib/request-context";
import { verifyEmail } from "@/lib/domain/users/verify-email";
import { embeddedPublisher } from "@/inngest/runtime";
import { createUser, createWorkspaceWithOwner } from "../factories";
import { api } from "../support/api";
import { testExecutor, useEmbeddedRuntime } from "../support/background";
import { takeConsoleErrors } from "../support/fail-on-console-error";

const outboxRowsFor = async (userId: string) =>
  (await (await getDb()).outboxEvent.findMany({ where: { name: "user/signed-up" } })).filter(
    (r) => (r.data as { userId: string }).userId === userId,
  );

const tokenFrom = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? "";

const failing = (message = "Inngest unreachable"): OutboxPublisher => ({
  name: "failing",
  leaseMs: 60_000,
  publish: () => Promise.reject(new Error(message)),
});

/** Time travel for the relay: rows whose backoff has not run out are not due yet. */
const later = (ms: number) => () => new Date(Date.now() + ms);

let runtime: ReturnType<typeof useEmbeddedRuntime> | undefined;
afterEach(() => runtime?.uninstall());

describe("the outbox", () => {
  it("delivers user/signed-up through the real function: the verify email is in the mailbox and its link verifies", async () => {
    runtime = useEmbeddedRuntime();
    const user = await createUser();
    await runtime.drain();
    const [row] = await outboxRowsFor(user.id);
    expect(row).toMatchObject({ status: "SENT", attempts: 0 });
    const mail = await listMailTo(await getDb(), user.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ subject: "Confirm your email address", idempotencyKey: `verify-email/${row?.id}` });
    expect(mail[0]?.text).toContain("/verify-email?token=");
    expect(mail[0]?.html).toContain("Confirm email");

    const token = tokenFrom(mail[0]?.text ?? "");
    await expect(verifyEmail(token)).resolves.toMatchObject({ userId: user.id });
    await expect(verifyEmail(token)).resolves.toMatchObject({ userId: user.id }); // opening the link twice is fine
    const verified = await (await getDb()).user.findUniqueOrThrow({ where: { id: user.id } });
    expect(verified.emailVerifiedAt).not.toBeNull();
    await expect(verifyEmail("not-a-token")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("keeps a row pending when publishing fails, backs off, and delivers it later", async () => {
    const user = await createUser();
    const first = await relayOutbox(failing());
    expect(first.retried).toBeGreaterThanOrEqual(1);
    const [row] = await outboxRowsFor(user.id);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Error: Inngest unreachable" });
    expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 5_000);

    // Not due yet: a relay right now leaves it alone.
    const executor = testExecutor();
    const publisher = embeddedPublisher(executor);
    await relayOutbox(publisher);
    expect((await outboxRowsFor(user.id))[0]?.status).toBe("PENDING");

    // After the backoff, the sweep delivers it.
    await relayOutbox(publisher, { now: later(backoffMs(1) + 1000) });
    expect((await outboxRowsFor(user.id))[0]?.status).toBe("SENT");
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("marks a row DEAD after the last attempt, and says so in the log", async () => {
    const user = await createUser();
    const db = await getDb();
    const [row] = await outboxRowsFor(user.id);
    await db.outboxEvent.update({ where: { id: row!.id }, data: { attempts: MAX_ATTEMPTS - 1 } });
    const summary = await relayOutbox({ ...failing("still down"), report: () => console.error("dead") });
    expect(summary.dead).toBeGreaterThanOrEqual(1);
    expect((await outboxRowsFor(user.id))[0]).toMatchObject({ status: "DEAD", attempts: MAX_ATTEMPTS });
    expect(takeConsoleErrors()).toHaveLength(1);
  });

  it("delivering the same row twice (a restart re-dispatching it) sends the email once", async () => {
    const user = await createUser();
    const [row] = await outboxRowsFor(user.id);
    const message = { id: row!.id, name: "user/signed-up" as const, data: row!.data, requestId: null };
    // Two processes' executors: neither knows what the other completed.
    await embeddedPublisher(testExecutor()).publish(message);
    await embeddedPublisher(testExecutor()).publish(message);
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("loses no email when the relay dies after the email went out but before the row was marked sent", async () => {
    const user = await createUser();
    const real = embeddedPublisher(testExecutor());
    const dying: OutboxPublisher = {
      ...real,
      publish: async (m) => {
        await real.publish(m);
        throw new Error("process killed");
      },
    };
    await relayOutbox(dying);
    expect((await outboxRowsFor(user.id))[0]?.status).toBe("PENDING");
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
    // After restart, the row is delivered again: the function runs again, the email is not sent twice.
    await relayOutbox(embeddedPublisher(testExecutor()), { now: later(backoffMs(1) + 1000) });
    expect((await outboxRowsFor(user.id))[0]?.status).toBe("SENT");
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("loses no email when the executor dies mid-run: the row stays pending and is delivered after the lease", async () => {
    const user = await createUser();
    const executor = testExecutor();
    executor.stop(); // every call into the serve handler now fails, as if the process had died
    const summary = await relayOutbox(embeddedPublisher(executor));
    expect(summary.retried).toBeGreaterThanOrEqual(1);
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(0);
    expect((await outboxRowsFor(user.id))[0]?.status).toBe("PENDING");
    await relayOutbox(embeddedPublisher(testExecutor()), { now: later(backoffMs(1) + 1000) });
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("leases a row to one relay at a time", async () => {
    const user = await createUser();
    let publishes = 0;
    const slow: OutboxPublisher = {
      name: "slow",
      leaseMs: 60_000,
      publish: async () => {
        publishes++;
        await new Promise((r) => setTimeout(r, 50));
      },
    };
    await Promise.all([relayOutbox(slow), relayOutbox(slow), relayOutbox(slow)]);
    expect(publishes).toBeGreaterThanOrEqual(1);
    const [row] = await outboxRowsFor(user.id);
    expect(row?.status).toBe("SENT");
    // Each pending row was published by exactly one of the three relays.
    const all = await (await getDb()).outboxEvent.count({ where: { status: "SENT" } });
    expect(publishes).toBeLessThanOrEqual(all);
  });

  it("checks payloads when publishing: a row that does not match its schema is retried, never delivered", async () => {
    const db = await getDb();
    const bad = await db.outboxEvent.create({ data: { name: "user/signed-up", data: { userId: 42 } } });
    const unknown = await db.outboxEvent.create({ data: { name: "no/such-event", data: {} } });
    await relayOutbox(embeddedPublisher(testExecutor()));
    const rows = await db.outboxEvent.findMany({ where: { id: { in: [bad.id, unknown.id] } } });
    for (const row of rows) expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(rows.find((r) => r.id === unknown.id)?.lastError).toContain("unknown event");
    expect(rows.find((r) => r.id === bad.id)?.lastError).toBeTruthy();
  });

  describe("rows a request recorded", () => {
    const postRow = async (postId: string) =>
      (await (await getDb()).outboxEvent.findMany({ where: { name: "post/created" } })).find(
        (r) => (r.data as { postId: string }).postId === postId,
      );

    it("are published from memory right after the response, leased meanwhile, and marked SENT", async () => {
      runtime = useEmbeddedRuntime();
      const { workspace, cookie, general } = await createWorkspaceWithOwner();
      await runtime.drain();
      const seen: { id: string; status: string; leasedFor: number; takenByAPass: number }[] = [];
      setOutboxPublisher({
        ...runtime.publisher,
        async publish(m) {
          const row = await (await getDb()).outboxEvent.findUniqueOrThrow({ where: { id: m.id } });
          // A relay pass running now (another instance, the sweep) does not take it: it is leased to this process.
          let takenByAPass = 0;
          await relayOutbox({
            ...failing(),
            publish: (other) => Promise.resolve(void (other.id === m.id && takenByAPass++)),
          });
          seen.push({ id: m.id, status: row.status, leasedFor: row.availableAt.getTime() - Date.now(), takenByAPass });
          await runtime!.publisher.publish(m);
        },
      });
      const res = await api("POST", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, {
        cookie,
        body: { title: "Straight out", body: "x" },
      });
      expect(res.status).toBe(201);
      await outboxIdle();
      const row = await postRow(res.json.data.id as string);
      expect(seen).toEqual([
        { id: row!.id, status: "PENDING", leasedFor: expect.any(Number) as number, takenByAPass: 0 },
      ]);
      expect(seen[0]!.leasedFor).toBeGreaterThan(60_000);
      expect(row).toMatchObject({ status: "SENT", attempts: 0 });
    });

    it("back off like any row when publishing fails", async () => {
      runtime = useEmbeddedRuntime();
      const { workspace, cookie, general } = await createWorkspaceWithOwner();
      await runtime.drain();
      setOutboxPublisher({ ...failing("Inngest unreachable"), leaseMs: 15 * 60_000 });
      const res = await api("POST", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, {
        cookie,
        body: { title: "Not yet", body: "x" },
      });
      await outboxIdle();
      const row = await postRow(res.json.data.id as string);
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lastError: "Error: Inngest unreachable" });
      expect(row!.availableAt.getTime()).toBeGreaterThan(Date.now() + backoffMs(1) - 5_000);
      expect(row!.availableAt.getTime()).toBeLessThan(Date.now() + backoffMs(1) + 5_000);
    });

    it("of a transaction that failed: gone if it rolled back, released and delivered if it had committed", async () => {
      runtime = useEmbeddedRuntime();
      const { workspace } = await createWorkspaceWithOwner();
      await runtime.drain();
      const db = await getDb();
      const data = { workspaceId: workspace.id, channelId: `ch-${Date.now()}` };
      const failed = async (singleWrite: boolean) =>
        withRequestContext(
          "req-failed",
          async () => {
            let id = "";
            await transaction(
              db,
              async (tx) => {
                id = await recordEvent(tx, "channel/created", data);
                throw new Error("after the write");
              },
              { singleWrite },
            ).catch(() => {});
            return { id, outbox: takeRecordedOutbox() };
          },
          { relaysAfter: true },
        );

      const rolledBack = await failed(false);
      expect(rolledBack.outbox).toEqual({ committed: [], uncertain: [rolledBack.id], unleased: false });
      expect(await db.outboxEvent.findUnique({ where: { id: rolledBack.id } })).toBeNull();

      // Without BEGIN the write committed by itself, leased to this process, before the error.
      const committed = await failed(true);
      expect(committed.outbox?.uncertain).toEqual([committed.id]);
      const leased = await db.outboxEvent.findUniqueOrThrow({ where: { id: committed.id } });
      expect(leased.availableAt.getTime()).toBeGreaterThan(Date.now() + 60_000);
      await relayRecorded(committed.outbox!);
      await runtime.drain();
      expect(await db.outboxEvent.findUniqueOrThrow({ where: { id: committed.id } })).toMatchObject({ status: "SENT" });
    });
  });
});
