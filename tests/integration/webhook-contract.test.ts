// Contract: every webhook payload the code produces validates against the schema the OpenAPI document publishes for
// its event type under `webhooks` (JSON Schema 2020-12, checked with Ajv), and every event type is produced here.
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = "1";
});

import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { webhookEventTypes } from "@/lib/validation/webhooks";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import * as files from "../support/files";

type Doc = {
  webhooks: Record<string, { post: { requestBody: { content: Record<string, { schema: object }> } } }>;
  components: Record<string, unknown>;
};

let receiver: WebhookReceiver;
let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
  runtime = useEmbeddedRuntime();
});
afterAll(async () => {
  await runtime.drain();
  runtime.uninstall();
  await receiver.close();
});

describe("webhook payloads", () => {
  it("validate against the schemas published in the OpenAPI document, for every event type", async () => {
    const doc = (await api<Doc>("GET", "/api/v1/openapi.json")).json;
    expect(Object.keys(doc.webhooks).sort()).toEqual([...webhookEventTypes].sort());
    const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
    const validators = new Map(
      Object.entries(doc.webhooks).map(([type, item]) => [
        type,
        ajv.compile({ ...item.post.requestBody.content["application/json"]!.schema, components: doc.components }),
      ]),
    );

    const { workspace, cookie, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const created = await api("POST", `${base}/webhooks`, {
      cookie,
      body: { url: receiver.url, events: webhookEventTypes.filter((t) => t !== "webhook.test") },
    });
    expect(created.status).toBe(201);
    receiver.setSecrets([created.json.data.secret as string]);
    const webhookId = created.json.data.id as string;

    // Every kind of event, through the API as a client would cause it.
    const invitee = await createUser();
    expect(
      (await api("POST", `${base}/invites`, { cookie, body: { email: invitee.email, role: "MEMBER" } })).status,
    ).toBe(201);
    await runtime.drain();
    const mail = (await listMailTo(await getDb(), invitee.email)).find((m) => m.subject.includes("invited you"));
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1];
    const accepted = await api("POST", `${base}/invites/accept`, {
      cookie: await sessionCookie(invitee.id),
      body: { token },
    });
    expect(accepted.status).toBe(200);
    const leaver = await memberOf(workspace.id, "MEMBER");
    expect((await api("DELETE", `${base}/members/${leaver.user.id}`, { cookie })).status).toBe(204);
    expect(
      (await api("POST", `${base}/channels`, { cookie, body: { name: "contract", kind: "PRIVATE" } })).status,
    ).toBe(201);
    const post = await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "T", body: "B" } });
    const postId = post.json.data.id as string;
    expect((await api("PATCH", `${base}/posts/${postId}`, { cookie, body: { title: "T2", body: "B2" } })).status).toBe(
      200,
    );
    expect((await api("POST", `${base}/posts/${postId}/comments`, { cookie, body: { body: "C" } })).status).toBe(201);
    const bytes = await files.png();
    const upload = await api("POST", `${base}/files`, {
      cookie,
      body: { name: "a.png", size: bytes.length, type: "image/png" },
    });
    expect(upload.status).toBe(201);
    await api("PUT", `${base}/files/${upload.json.data.id}/content`, {
      cookie,
      body: { data: bytes.toString("base64") },
    });
    await runtime.drain();
    expect(
      (await api("POST", `${base}/posts/${postId}/files`, { cookie, body: { fileIds: [upload.json.data.id] } })).status,
    ).toBeLessThan(300);
    const deleted = await api("DELETE", `${base}/posts/${postId}`, { cookie });
    expect(deleted.status).toBeLessThan(300);
    expect((await api("POST", `${base}/webhooks/${webhookId}/test`, { cookie })).status).toBe(201);
    await runtime.drain();

    const got = receiver.verified();
    expect(new Set(got.map((r) => r.payload.type))).toEqual(new Set(webhookEventTypes));
    for (const r of got) {
      const validate = validators.get(r.payload.type)!;
      expect(validate(r.payload), `${r.payload.type}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // And the schemas are not vacuous: a payload of the wrong shape fails them.
    const postCreated = validators.get("post.created")!;
    const sample = got.find((r) => r.payload.type === "post.created")!.payload;
    expect(postCreated({ ...sample, data: { ...sample.data, author: undefined } })).toBe(false);
    expect(postCreated({ ...sample, type: "post.updated" })).toBe(false);
  });
});
