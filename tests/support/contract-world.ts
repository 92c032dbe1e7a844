// What the contract-driven tests (bad-input, fuzz) share: a workspace holding one of every resource a path can
// name, and valid request bodies built from each contract's own schema.
import { z } from "zod";
import { getDb } from "@/lib/data/db/client";
import { seal } from "@/lib/data/secrets/sealed";
import type { Contract } from "@/lib/validation/contract";
import { processAttachment } from "@/lib/domain/files/process-attachment";
import { api } from "./api";
import { createWorkspaceWithOwner, memberOf } from "../factories";

export type Ids = Record<string, string>;
export type ContractWorld = { ownerId: string; cookie: string; adminToken: string; readToken: string; ids: Ids };
export type BodyContract = Contract & { body: z.ZodType };

export const pathParams = (c: Contract) => [...c.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);

/** A workspace with one of every resource a path can name, keyed by the path parameter's name, and two tokens. */
export async function contractWorld(): Promise<ContractWorld> {
  const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
  const member = await memberOf(workspace.id, "MEMBER");
  const base = `/api/v1/workspaces/${workspace.id}`;
  const post = await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title: "t", body: "b" } });
  const admin = await api("POST", `${base}/tokens`, { cookie, body: { name: "admin", scopes: ["admin"] } });
  const read = await api("POST", `${base}/tokens`, { cookie, body: { name: "read", scopes: ["posts:read"] } });
  const invite = await (
    await getDb()
  ).invite.create({
    data: {
      workspaceId: workspace.id,
      email: `inv-${member.user.id}@example.test`,
      role: "MEMBER",
      invitedById: owner.id,
      expiresAt: new Date(Date.now() + 86_400_000),
    },
  });
  const comment = await api("POST", `${base}/posts/${post.json.data.id}/comments`, { cookie, body: { body: "c" } });
  // A processed file (what reads and attaching need), and one announced whose bytes were not sent yet.
  const file = await api("POST", `${base}/files`, { cookie, body: { name: "n.txt", size: 5, type: "text/plain" } });
  await api("PUT", `${base}/files/${file.json.data.id}/content`, { cookie, body: { data: "aGVsbG8=" } });
  await processAttachment(file.json.data.id);
  const pending = await api("POST", `${base}/files`, { cookie, body: { name: "p.txt", size: 5, type: "text/plain" } });
  // A webhook endpoint (never called: no background runtime runs in these tests) with one delivery in its log.
  const webhook = await api("POST", `${base}/webhooks`, {
    cookie,
    body: { url: "https://hooks.example.com/tidings", events: ["post.created"] },
  });
  const delivery = await (
    await getDb()
  ).webhookDelivery.create({
    data: {
      eventId: `msg_world_${webhook.json.data.id}`,
      endpointId: webhook.json.data.id,
      workspaceId: workspace.id,
      eventType: "post.created",
      payload: {},
      status: "SUCCEEDED",
      attempts: 1,
    },
  });
  // A mention of the owner by the member (what recordMentions writes), for the notification operations.
  const notification = await (
    await getDb()
  ).notification.create({
    data: {
      userId: owner.id,
      workspaceId: workspace.id,
      kind: "mention",
      actorId: member.user.id,
      postId: post.json.data.id,
    },
  });
  // The owner has two-step sign-in on, as requiring it of the workspace (PATCH requireMfa: true) takes.
  await (
    await getDb()
  ).totpFactor.create({
    data: { userId: owner.id, secret: seal("totp", owner.id, "JBSWY3DPEHPK3PXP"), confirmedAt: new Date() },
  });
  return {
    ownerId: owner.id,
    cookie,
    adminToken: admin.json.data.token,
    readToken: read.json.data.token,
    ids: {
      workspaceId: workspace.id,
      channelId: general.id,
      postId: post.json.data.id,
      userId: member.user.id,
      tokenId: admin.json.data.id,
      inviteId: invite.id,
      commentId: comment.json.data.id,
      fileId: file.json.data.id,
      pendingFileId: pending.json.data.id,
      webhookId: webhook.json.data.id,
      deliveryId: delivery.id,
      notificationId: notification.id,
    },
  };
}

/** The contract's URL under /api/v1 with the world's ids in its path, and each required query parameter's example. */
export const contractUrl = (c: Contract, ids: Ids) =>
  "/api/v1" +
  c.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = ids[name];
    if (!value)
      throw new Error(`${c.operationId}: no fixture for path parameter {${name}}; add one to contractWorld()`);
    return value;
  }) +
  requiredQuery(c);

function requiredQuery(c: Contract): string {
  if (!c.query) return "";
  const doc = z.toJSONSchema(c.query, { io: "input", unrepresentable: "any" }) as {
    required?: string[];
    properties?: Record<string, { example?: string | number; examples?: (string | number)[] }>;
  };
  const entries = (doc.required ?? []).map((name) => {
    const prop = doc.properties?.[name];
    const example = prop?.example ?? prop?.examples?.[0];
    if (example === undefined) throw new Error(`${c.operationId}: required query parameter ${name} has no example`);
    return [name, String(example)];
  });
  return entries.length ? `?${new URLSearchParams(entries).toString()}` : "";
}

/** The body schema as JSON Schema, with its top-level `$ref` (schemas with a meta id) resolved. */
export function bodyJsonSchema(c: BodyContract): {
  root: Record<string, any>;
  resolve: (s: Record<string, any>) => Record<string, any>;
} {
  const doc = z.toJSONSchema(c.body, { io: "input", unrepresentable: "any" }) as Record<string, any>;
  const resolve = (s: Record<string, any>): Record<string, any> =>
    typeof s.$ref === "string" ? resolve(doc.$defs?.[s.$ref.replace("#/$defs/", "")] ?? {}) : s;
  return { root: resolve(doc), resolve };
}

export const bodyKeys = (c: Contract) =>
  c.body ? Object.keys(bodyJsonSchema(c as BodyContract).root.properties ?? {}) : [];

let probes = 0;

/** A valid body built from the schema; fields named like a path parameter get the real id, emails are fresh. */
export function sampleBody(c: BodyContract, ids: Ids): Record<string, unknown> {
  const { root, resolve } = bodyJsonSchema(c);
  const sample = (raw: Record<string, any>, key: string): unknown => {
    const s = resolve(raw);
    if (ids[key]) return ids[key];
    if (key.endsWith("Ids") && ids[key.slice(0, -1)]) return [ids[key.slice(0, -1)]];
    if (s.examples?.[0] !== undefined) return s.examples[0];
    if (s.example !== undefined) return s.example; // `.meta({ example })`, as the emoji of a reaction has
    if (key === "email") return `probe-${Date.now()}-${probes++}@example.test`;
    if (s.enum) return s.enum[0];
    if (s.const !== undefined) return s.const;
    if (s.anyOf ?? s.oneOf) return sample((s.anyOf ?? s.oneOf)[0], key);
    switch (s.type) {
      case "string":
        return `probe${probes++}`;
      case "integer":
      case "number":
        return s.minimum ?? 1;
      case "boolean":
        return true;
      case "array":
        return [sample(s.items ?? {}, key)];
      case "object":
        return Object.fromEntries(
          Object.entries((s.properties ?? {}) as Record<string, any>).map(([k, v]) => [k, sample(v, k)]),
        );
      default:
        return null;
    }
  };
  const body = sample(root, "") as Record<string, unknown>;
  const parsed = c.body.safeParse(body);
  if (!parsed.success)
    throw new Error(
      `${c.operationId}: cannot build a valid sample body (${parsed.error.message}); teach sampleBody() this schema`,
    );
  return body;
}
