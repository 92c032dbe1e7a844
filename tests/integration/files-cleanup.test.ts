// The nightly cleanup removes files never attached within 24 h and those of posts purged after their 30-day soft
// delete — from the store (original and every derived file) and from the database — and keeps everything else.
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { cleanupFn } from "@/inngest/functions/cleanup";
import { getDb } from "@/lib/data/db/client";
import { fileStore } from "@/lib/data/files/store";
import { api } from "../support/api";
import { createWorkspaceWithOwner } from "../factories";
import * as files from "../support/files";

const DAY = 86_400_000;

describe("cleanup of files", () => {
  it("removes orphans and purged posts' files, keeps attached and fresh ones", async () => {
    const { cookie, workspace, general } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    const db = await getDb();
    const store = await fileStore();
    const { processAttachment } = await import("@/lib/domain/files/process-attachment");
    async function upload(name: string) {
      const bytes = await files.png(40, 30);
      const r = await api("POST", `${base}/files`, { cookie, body: { name, size: bytes.length, type: "image/png" } });
      await api("PUT", `${base}/files/${r.json.data.id}/content`, { cookie, body: { data: bytes.toString("base64") } });
      await processAttachment(r.json.data.id);
      // a cached transform too
      expect((await api("GET", `${base}/files/${r.json.data.id}/url?width=160`, { cookie })).status).toBe(200);
      return (await db.attachment.findUniqueOrThrow({ where: { id: r.json.data.id } })).key;
    }
    async function post(title: string) {
      return (await api("POST", `${base}/channels/${general.id}/posts`, { cookie, body: { title, body: "b" } })).json
        .data.id as string;
    }
    const keep = await upload("kept.png");
    const fresh = await upload("fresh.png");
    const orphan = await upload("orphan.png");
    const purged = await upload("purged.png");
    const restorable = await upload("restorable.png");
    const [p1, p2, p3] = [await post("kept"), await post("purged"), await post("restorable")];
    const attach = async (postId: string, key: string) => {
      const { id } = await db.attachment.findUniqueOrThrow({ where: { key } });
      expect((await api("POST", `${base}/posts/${postId}/files`, { cookie, body: { fileIds: [id] } })).status).toBe(
        200,
      );
    };
    await attach(p1, keep);
    await attach(p2, purged);
    await attach(p3, restorable);
    const now = Date.now();
    await db.attachment.updateMany({ data: { createdAt: new Date(now - 40 * DAY) } });
    await db.attachment.update({ where: { key: fresh }, data: { createdAt: new Date(now - 23 * 3_600_000) } });
    await db.post.update({ where: { id: p2 }, data: { deletedAt: new Date(now - 31 * DAY) } });
    await db.post.update({ where: { id: p3 }, data: { deletedAt: new Date(now - 29 * DAY) } });
    const storedKeys = async (key: string) => (await store.list()).filter((f) => f.key.startsWith(`${key}.`)).length;
    expect(await storedKeys(orphan)).toBe(3); // cleaned image, thumbnail, transform

    const t = new InngestTestEngine({
      function: cleanupFn,
      steps: [{ id: "now", handler: () => new Date(now).toISOString() }],
    });
    const { result, error } = (await t.execute()) as { result: { files: number }; error?: unknown };
    expect(error).toBeUndefined();
    expect(result.files).toBe(2);

    const left = (await db.attachment.findMany({ where: { workspaceId: workspace.id }, select: { key: true } })).map(
      (a) => a.key,
    );
    expect(left.sort()).toEqual([keep, fresh, restorable].sort());
    for (const gone of [orphan, purged]) expect(await storedKeys(gone)).toBe(0);
    for (const kept of [keep, fresh, restorable]) expect(await storedKeys(kept)).toBe(3);
  });
});
