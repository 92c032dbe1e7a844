// Webhooks with the default guard (WEBHOOKS_ALLOW_PRIVATE_ADDRESSES unset): only https URLs whose addresses are
// public. Refused at registration (422) and again at delivery, after DNS, where nothing reaches the receiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { postWebhook } from "@/lib/data/webhook-transport";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createWorkspaceWithOwner } from "../factories";
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

describe("webhooks in the managed mode (no private addresses)", () => {
  it("refuses http, private, loopback, link-local and metadata URLs at registration", async () => {
    const { workspace, cookie } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}/webhooks`;
    const db = await getDb();
    const before = await db.webhookEndpoint.count();
    for (const url of [
      "http://hooks.example.com/x",
      receiver.url,
      "https://127.0.0.1/x",
      "https://localhost/x",
      "https://api.localhost/x",
      "https://10.0.0.8/x",
      "https://172.16.3.4/x",
      "https://192.168.1.1/x",
      "https://100.64.0.1/x",
      "https://169.254.169.254/latest/meta-data",
      "https://0.0.0.0/x",
      "https://[::1]/x",
      "https://[fe80::1]/x",
      "https://[fd00::1]/x",
      "https://[::ffff:127.0.0.1]/x",
      "https://[::ffff:a9fe:a9fe]/x",
      "https://224.0.0.1/x",
      "https://intranet/x",
    ]) {
      const res = await api("POST", base, { cookie, body: { url, events: ["post.created"] } });
      expect(res.status, url).toBe(422);
      expect(res.json.error.message, url).toMatch(/not allowed|http\(s\) URL/);
    }
    expect(await db.webhookEndpoint.count()).toBe(before);
    const ok = await api("POST", base, {
      cookie,
      body: { url: "https://hooks.example.com/x", events: ["post.created"] },
    });
    expect(ok.status).toBe(201);
  });

  it("refuses at delivery a host that resolves to a private address (DNS rebinding), and logs the refusal", async () => {
    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const created = await api("POST", `/api/v1/workspaces/${workspace.id}/webhooks`, {
      cookie,
      body: { url: "https://hooks.example.com/x", events: ["post.created"] },
    });
    expect(created.status).toBe(201);
    receiver.setSecrets([created.json.data.secret as string]);
    // The name now points at this machine (as a rebinding DNS server would make it): `localhost` resolves to loopback.
    const port = new URL(receiver.url).port;
    await (
      await getDb()
    ).webhookEndpoint.update({
      where: { id: created.json.data.id as string },
      data: { url: `https://localhost:${port}/hooks` },
    });
    await api("POST", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, {
      cookie,
      body: { title: "t", body: "b" },
    });
    await runtime.drain();
    const log = await api("GET", `/api/v1/workspaces/${workspace.id}/webhooks/${created.json.data.id}/deliveries`, {
      cookie,
    });
    expect(log.json.data[0]).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(log.json.data[0].attemptLog[0].error).toMatch(/^refused: localhost resolves to (127\.0\.0\.1|::1)/);
    expect(receiver.received).toHaveLength(0);
  });

  it("never connects to a private address or over http, whatever the URL says", async () => {
    const send = (url: string) =>
      postWebhook(url, "{}", { "content-type": "application/json" }, { timeoutMs: 2000, allowPrivate: false });
    const port = new URL(receiver.url).port;
    for (const url of [
      receiver.url,
      `https://127.0.0.1:${port}/hooks`,
      `https://[::ffff:127.0.0.1]:${port}/hooks`,
      `https://localhost:${port}/hooks`,
    ]) {
      const result = await send(url);
      expect(result, url).toMatchObject({ ok: false, statusCode: null });
      expect(result.error, url).toMatch(/^refused: /);
    }
    expect(receiver.received).toHaveLength(0);
    // With private addresses allowed (embedded mode, tests) the same receiver is reached.
    const allowed = await postWebhook(receiver.url, "{}", {}, { timeoutMs: 2000, allowPrivate: true });
    expect(allowed.statusCode).toBe(401); // reached; unsigned, so the receiver refuses it
    expect(receiver.received).toHaveLength(1);
    // A host name goes through the guarded lookup, which hands the socket the address it checked.
    const byName = await postWebhook(
      `http://localhost:${port}/hooks`,
      "{}",
      {},
      { timeoutMs: 2000, allowPrivate: true },
    );
    expect(byName.statusCode).toBe(401);
    expect(receiver.received).toHaveLength(2);
  });
});
