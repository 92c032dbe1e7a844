// Webhooks end to end in one process: the real API routes register endpoints, the real outbox and Inngest functions
// (embedded executor) fan events out and deliver them to a receiver on 127.0.0.1 that verifies every signature with
// the `standardwebhooks` package.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Tests deliver to 127.0.0.1 over http; webhooks-managed.test.ts checks the default (public https only).
  process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = "1";
  process.env.WEBHOOK_TIMEOUT_MS = "600";
});

import { getDb } from "@/lib/data/db/client";
import { claimWebhookDelivery } from "@/lib/data/webhooks";
import { listMailTo } from "@/lib/data/mail/messages";
import { attemptWebhookDelivery, listDueWebhookDeliveries } from "@/lib/domain/webhooks/deliver";
import { fanOutWebhookEvent } from "@/lib/domain/webhooks/fan-out";
import { cleanupWebhookDeliveries } from "@/lib/domain/cleanup/run-cleanup";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";

let receiver: WebhookReceiver;
let runtime: ReturnType<typeof useEmbeddedRuntime>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  runtime = useEmbeddedRuntime();
});
afterAll(async () => {
  runtime.uninstall();
  await receiver.close();
});
afterEach(async () => {
  receiver.respondWith("ok");
  await runtime.drain(); // what a test left in the outbox is delivered now, not during the next test
  receiver.received.length = 0;
});

type Endpoint = { id: string; secret: string; url: string; events: string[] };

async function register(
  workspaceId: string,
  cookie: string,
  events: string[] = ["post.created"],
  url = receiver.url,
): Promise<Endpoint> {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/webhooks`, {
    cookie,
    body: { url, description: "ci", events },
  });
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.data as Endpoint;
}

async function post(workspaceId: string, channelId: string, cookie: string, title = "Hello") {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/channels/${channelId}/posts`, {
    cookie,
    body: { title, body: "from a test" },
  });
  expect(res.status).toBe(201);
  return res.json.data as { id: string };
}

async function deliveries(workspaceId: string, webhookId: string, cookie: string) {
  const res = await api("GET", `/api/v1/workspaces/${workspaceId}/webhooks/${webhookId}/deliveries`, { cookie });
  expect(res.status).toBe(200);
  return res.json.data as {
    id: string;
    eventId: string;
    eventType: string;
    status: string;
    attempts: number;
    nextAttemptAt: string | null;
    attemptLog: { statusCode: number | null; error: string | null; responseExcerpt: string | null }[];
  }[];
}

/** What the per-minute sweep does, at a moment of the test's choosing. */
async function sweep(at: Date) {
  const due = await listDueWebhookDeliveries(at);
  return Promise.all(due.map((id) => attemptWebhookDelivery(id, at)));
}

const seconds = (n: number) => new Date(Date.now() + n * 1000);

describe("webhook endpoints", () => {
  it("shows the whsec_ secret once, stores it only encrypted, and lists without it", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const created = await register(workspace.id, cookie, ["post.created", "comment.created"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{40,}={0,2}$/);
    expect(created.events).toEqual(["post.created", "comment.created"]);

    const list = await api("GET", `/api/v1/workspaces/${workspace.id}/webhooks`, { cookie });
    expect(list.status).toBe(200);
    expect(list.json.data).toHaveLength(1);
    expect(list.json.nextCursor).toBeNull();
    expect(JSON.stringify(list.json)).not.toContain(created.secret);
    const got = await api("GET", `/api/v1/workspaces/${workspace.id}/webhooks/${created.id}`, { cookie });
    expect(got.json.data).not.toHaveProperty("secret");

    const row = await (await getDb()).webhookEndpoint.findUniqueOrThrow({ where: { id: created.id } });
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(6));
  });

  it("paginates the list with a cursor", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    for (let i = 0; i < 3; i++) await register(workspace.id, cookie);
    const first = await api("GET", `/api/v1/workspaces/${workspace.id}/webhooks?limit=2`, { cookie });
    expect(first.json.data).toHaveLength(2);
    expect(first.json.nextCursor).toEqual(expect.any(String));
    const second = await api(
      "GET",
      `/api/v1/workspaces/${workspace.id}/webhooks?limit=2&cursor=${first.json.nextCursor as string}`,
      { cookie },
    );
    expect(second.json.data).toHaveLength(1);
    expect(second.json.nextCursor).toBeNull();
  });

  it("is for admins: members get 403, outsiders and other workspaces 404, bad input 422 with no change", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const other = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    const member = await memberOf(workspace.id, "MEMBER");
    const admin = await memberOf(workspace.id, "ADMIN");
    const outsider = await sessionCookie((await createUser()).id);
    const base = `/api/v1/workspaces/${workspace.id}/webhooks`;

    expect((await api("GET", base, { cookie: member.cookie })).status).toBe(403);
    expect(
      (await api("POST", base, { cookie: member.cookie, body: { url: receiver.url, events: ["post.created"] } }))
        .status,
    ).toBe(403);
    expect((await api("DELETE", `${base}/${endpoint.id}`, { cookie: member.cookie })).status).toBe(403);
    expect((await api("GET", base, { cookie: outsider })).status).toBe(404);
    expect((await api("GET", `${base}/${endpoint.id}`, { cookie: outsider })).status).toBe(404);
    expect((await api("GET", base, { cookie: admin.cookie })).status).toBe(200);
    // The other workspace's owner cannot reach this endpoint through their own workspace.
    const cross = `/api/v1/workspaces/${other.workspace.id}/webhooks/${endpoint.id}`;
    expect((await api("GET", cross, { cookie: other.cookie })).status).toBe(404);
    expect((await api("PATCH", cross, { cookie: other.cookie, body: { description: "x" } })).status).toBe(404);
    expect((await api("POST", `${cross}/test`, { cookie: other.cookie })).status).toBe(404);

    const db = await getDb();
    const before = await db.webhookEndpoint.count();
    for (const body of [
      { url: "ftp://example.com/x", events: ["post.created"] },
      { url: receiver.url, events: [] },
      { url: receiver.url, events: ["post.exploded"] },
      { url: "not a url", events: ["post.created"] },
      { url: receiver.url, events: ["post.created"], extra: 1 },
      { url: "http://user:pw@127.0.0.1/x", events: ["post.created"] },
    ]) {
      const res = await api("POST", base, { cookie, body });
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.json.error.code).toBe("VALIDATION_FAILED");
    }
    expect((await api("PATCH", `${base}/${endpoint.id}`, { cookie, body: {} })).status).toBe(422);
    expect(await db.webhookEndpoint.count()).toBe(before);
  });
});

describe("webhook delivery", () => {
  it("delivers one verified delivery per event and endpoint, only for subscribed events", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const posts = await register(workspace.id, cookie, ["post.created"]);
    const comments = await register(workspace.id, cookie, ["comment.created"]);
    receiver.setSecrets([posts.secret, comments.secret]);
    const member = await memberOf(workspace.id, "MEMBER");

    const created = await post(workspace.id, general.id, member.cookie, "Launch");
    await runtime.drain();
    await runtime.drain();
    const got = receiver.verified().filter((r) => r.payload.type === "post.created");
    expect(got).toHaveLength(1);
    expect(got[0]!.verifiedWith).toBe(0);
    expect(got[0]!.payload.data).toMatchObject({ id: created.id, title: "Launch", channelId: general.id });
    expect(got[0]!.id).toMatch(/^msg_/);
    expect(receiver.received).toHaveLength(1);

    // The same event fanned out again (a retried step): no second delivery.
    const [delivery] = await deliveries(workspace.id, posts.id, cookie);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 1, eventType: "post.created" });
    expect(delivery!.attemptLog[0]).toMatchObject({ statusCode: 200, responseExcerpt: "thanks", error: null });
    const outboxId = delivery!.eventId.slice("msg_".length);
    const again = await fanOutWebhookEvent(
      "post/created",
      { workspaceId: workspace.id, channelId: general.id, postId: created.id, authorId: member.user.id },
      outboxId,
      new Date(),
    );
    expect(again).toEqual([]);
    expect(await deliveries(workspace.id, posts.id, cookie)).toHaveLength(1);
    expect(await deliveries(workspace.id, comments.id, cookie)).toHaveLength(0);
  });

  it("retries after a 500, with the same webhook-id, on the schedule", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    receiver.respondWith("fail");
    await post(workspace.id, general.id, cookie);
    await runtime.drain();

    let [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(delivery!.attemptLog[0]).toMatchObject({ statusCode: 500, responseExcerpt: "receiver is down" });
    const wait = new Date(delivery!.nextAttemptAt!).getTime() - Date.now();
    expect(wait).toBeGreaterThan(3_000);
    expect(wait).toBeLessThanOrEqual(5_000);
    expect(await sweep(new Date())).toEqual([]); // not due yet

    await sweep(seconds(6)); // still failing: the next wait is 5 minutes
    [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 2 });
    expect(new Date(delivery!.nextAttemptAt!).getTime() - Date.now()).toBeGreaterThan(290_000);

    receiver.respondWith("ok");
    await sweep(seconds(6 + 301));
    [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 3, nextAttemptAt: null });
    expect(delivery!.attemptLog.map((a) => a.statusCode)).toEqual([200, 500, 500]);
    expect(receiver.verified()).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    const row = await (await getDb()).webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(row.failingSince).toBeNull(); // a success clears the failure record
  });

  it("counts a receiver that does not answer in time as failed, and retries it", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    receiver.respondWith("hang");
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    let [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    expect(delivery).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(delivery!.attemptLog[0]).toMatchObject({ statusCode: null });
    expect(delivery!.attemptLog[0]!.error).toMatch(/timed out/);

    receiver.respondWith("ok");
    await sweep(seconds(6));
    [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    expect(delivery).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("never loses a delivery whose attempt died with its process: the sweep sends it when the lease ends", async () => {
    const { workspace, cookie, general, owner } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    const created = await post(workspace.id, general.id, cookie);
    await runtime.drain(); // the post's own event, delivered; what follows replays it under another event id
    receiver.received.length = 0;
    // The fan-out ran (deliveries written), then an attempt took the delivery and the process died before it
    // recorded anything.
    const [id] = await fanOutWebhookEvent(
      "post/created",
      { workspaceId: workspace.id, channelId: general.id, postId: created.id, authorId: owner.id },
      "00000000-0000-4000-8000-000000000001",
      new Date(),
    );
    const now = new Date();
    expect(await claimWebhookDelivery(await getDb(), id!, now, seconds(40))).toBe(true);
    expect(await sweep(seconds(10))).toEqual([]); // still leased to the dead attempt
    expect(receiver.received).toHaveLength(0);

    await sweep(seconds(41));
    const rows = await deliveries(workspace.id, endpoint.id, cookie);
    const revived = rows.find((d) => d.id === id)!;
    expect(revived).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
    expect(revived.attemptLog).toHaveLength(1);
    expect(receiver.verified().filter((r) => r.id === revived.eventId)).toHaveLength(1);
  });

  it("does not send a private channel's post to an endpoint whose creator cannot read it", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const outside = await register(workspace.id, admin.cookie, ["post.created", "channel.created"]);
    const inside = await register(workspace.id, cookie, ["post.created", "channel.created"]);
    receiver.setSecrets([outside.secret, inside.secret]);
    const channel = await api("POST", `/api/v1/workspaces/${workspace.id}/channels`, {
      cookie,
      body: { name: `secret-${Date.now()}`, kind: "PRIVATE" },
    });
    expect(channel.status).toBe(201);
    await post(workspace.id, channel.json.data.id as string, cookie, "Salaries");
    await runtime.drain();

    expect(await deliveries(workspace.id, outside.id, admin.cookie)).toHaveLength(0);
    const seen = (await deliveries(workspace.id, inside.id, cookie)).map((d) => d.eventType).sort();
    expect(seen).toEqual(["channel.created", "post.created"]);
    expect(receiver.verified().map((r) => r.verifiedWith)).toEqual([1, 1]);
    expect(JSON.stringify(receiver.received)).toContain("Salaries");
  });

  it("redelivers with the same webhook-id, and sends a test event", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    const [delivery] = await deliveries(workspace.id, endpoint.id, cookie);
    const base = `/api/v1/workspaces/${workspace.id}/webhooks/${endpoint.id}`;

    const redo = await api("POST", `${base}/deliveries/${delivery!.id}/redeliver`, { cookie });
    expect(redo.status).toBe(200);
    expect(redo.json.data).toMatchObject({ id: delivery!.id, status: "PENDING" });
    await runtime.drain();
    expect(receiver.verified().map((r) => r.id)).toEqual([delivery!.eventId, delivery!.eventId]);

    const test = await api("POST", `${base}/test`, { cookie });
    expect(test.status).toBe(201);
    await runtime.drain();
    const last = receiver.verified().at(-1)!;
    expect(last.payload).toMatchObject({ type: "webhook.test", data: { endpointId: endpoint.id } });
    const log = await deliveries(workspace.id, endpoint.id, cookie);
    expect(log.map((d) => [d.eventType, d.status])).toEqual([
      ["webhook.test", "SUCCEEDED"],
      ["post.created", "SUCCEEDED"],
    ]);
    expect((await api("POST", `${base}/deliveries/nope/redeliver`, { cookie })).status).toBe(404);
    // Both are admin actions on the endpoint: audited (the refused redelivery is not).
    const audit = await api(
      "GET",
      `/api/v1/workspaces/${workspace.id}/audit?targetType=webhook&targetId=${endpoint.id}`,
      {
        cookie,
      },
    );
    expect(audit.json.data.map((e: { action: string; after: unknown }) => [e.action, e.after])).toEqual([
      ["webhook.test_sent", { deliveryId: log[0]!.id }],
      ["webhook.redelivered", { deliveryId: delivery!.id, eventType: "post.created" }],
      ["webhook.created", expect.anything()],
    ]);
  });

  it("signs with both secrets during a rotation's overlap, then with the new one only", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    const base = `/api/v1/workspaces/${workspace.id}/webhooks/${endpoint.id}`;
    const rotated = await api("POST", `${base}/rotate-secret`, { cookie, body: { overlapHours: 1 } });
    expect(rotated.status).toBe(200);
    const fresh = rotated.json.data.secret as string;
    expect(fresh).not.toBe(endpoint.secret);

    receiver.setSecrets([endpoint.secret]); // a receiver not yet updated still verifies
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    expect(receiver.verified()).toHaveLength(1);
    expect(receiver.received[0]!.signature.split(" ")).toHaveLength(2);
    receiver.received.length = 0;
    receiver.setSecrets([fresh]);
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    expect(receiver.verified()).toHaveLength(1);

    expect((await api("POST", `${base}/rotate-secret`, { cookie, body: { overlapHours: 0 } })).status).toBe(200);
    receiver.setSecrets([fresh]);
    receiver.received.length = 0;
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    expect(receiver.received).toHaveLength(1);
    expect(receiver.verified()).toHaveLength(0); // the old secret no longer signs
    expect(receiver.received[0]!.signature.split(" ")).toHaveLength(1);

    // Deleting the endpoint takes its deliveries (and the failed one's retries) with it.
    expect((await api("DELETE", base, { cookie })).status).toBe(200);
    expect((await api("GET", base, { cookie })).status).toBe(404);
    expect(await (await getDb()).webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
  });

  it("turns off an endpoint failing for 5 days and emails the admins; a disabled endpoint gets nothing", async () => {
    const { workspace, cookie, general, owner } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    const db = await getDb();
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { failingSince: new Date(Date.now() - 5 * 86_400_000 - 60_000) },
    });
    receiver.respondWith("fail");
    await post(workspace.id, general.id, cookie);
    await runtime.drain();

    const got = await api("GET", `/api/v1/workspaces/${workspace.id}/webhooks/${endpoint.id}`, { cookie });
    expect(got.json.data).toMatchObject({ disabledReason: "failing" });
    expect(got.json.data.disabledAt).not.toBeNull();
    for (const email of [owner.email, admin.user.email]) {
      const mail = (await listMailTo(db, email)).filter((m) => m.subject.includes("webhook"));
      expect(mail, email).toHaveLength(1);
      expect(mail[0]!.text).toContain(receiver.url);
    }

    receiver.received.length = 0;
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    await sweep(seconds(3600));
    expect(receiver.received).toHaveLength(0);

    const enabled = await api("PATCH", `/api/v1/workspaces/${workspace.id}/webhooks/${endpoint.id}`, {
      cookie,
      body: { enabled: true },
    });
    expect(enabled.json.data).toMatchObject({ disabledAt: null, failingSince: null });
  });

  it("removes delivery logs older than 30 days in the cleanup", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const endpoint = await register(workspace.id, cookie);
    receiver.setSecrets([endpoint.secret]);
    await post(workspace.id, general.id, cookie);
    await runtime.drain();
    const db = await getDb();
    expect(await db.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBe(1);
    expect(await cleanupWebhookDeliveries(new Date(Date.now() + 29 * 86_400_000))).toBe(0);
    expect(await cleanupWebhookDeliveries(new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await db.webhookDelivery.count({ where: { endpointId: endpoint.id } })).toBe(0);
    expect(await db.webhookAttempt.count({ where: { delivery: { endpointId: endpoint.id } } })).toBe(0);
  });
});
