// The browser's upload protocol in the managed mode: the same file router, the real SDK talking to a local fake of
// UploadThing's ingest and API, which stores the file (private ACL, our key as its customId) and calls the app back.
import { vi } from "vitest";

const ports = vi.hoisted(() => {
  // Below Linux's ephemeral range (32768+), where an outgoing connection may hold any port.
  const app = 20_000 + Math.floor(Math.random() * 12_000);
  const ut = app + 1;
  const apiKey = `sk_test_${Math.random().toString(36).slice(2)}`;
  process.env.APP_URL = `http://127.0.0.1:${app}`;
  process.env.UPLOADTHING_TOKEN = Buffer.from(
    JSON.stringify({ apiKey, appId: "fakeapp", regions: ["local"] }),
  ).toString("base64");
  process.env.UPLOADTHING_API_URL = `http://127.0.0.1:${ut}`;
  process.env.UPLOADTHING_INGEST_URL = `http://127.0.0.1:${ut}`;
  return { app, ut, apiKey };
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { fileStore } from "@/lib/data/files/store";
import { createWorkspaceWithOwner } from "../factories";
import { useEmbeddedRuntime } from "../support/background";
import { startFakeUploadThing, type FakeUploadThing } from "../support/fake-uploadthing";
import * as files from "../support/files";
import { startAppServer, uploadThroughRouter } from "../support/upload-client";

let app: Awaited<ReturnType<typeof startAppServer>>;
let fake: FakeUploadThing;
let runtime: ReturnType<typeof useEmbeddedRuntime>;
let ctx: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
beforeAll(async () => {
  fake = await startFakeUploadThing("fakeapp", { apiKey: ports.apiKey, port: ports.ut });
  app = await startAppServer(ports.app);
  runtime = useEmbeddedRuntime();
  ctx = await createWorkspaceWithOwner();
});
afterAll(async () => {
  // Only what beforeAll got to (a failed start must report itself, not a TypeError here).
  await runtime?.drain();
  runtime?.uninstall();
  await app?.close();
  await fake?.close();
});

describe("uploads through the file router, managed mode", () => {
  it("UploadThing stores the file privately under our key; the callback records it; processing reads it back", async () => {
    const image = await files.jpegWithExif(120, 60);
    const [done] = await uploadThroughRouter(
      app.url,
      { workspaceId: ctx.workspace.id, channelId: ctx.general.id },
      [{ name: "photo.jpg", type: "image/jpeg", bytes: image }],
      { cookie: ctx.cookie },
    );
    expect(done!.serverData.status).toBe("PENDING");
    const row = await (await getDb()).attachment.findUniqueOrThrow({ where: { id: done!.serverData.fileId } });
    const stored = [...fake.files.values()].find((f) => f.customId === row.key);
    expect(stored).toMatchObject({ acl: "private", name: "photo.jpg" });
    expect(stored!.bytes.equals(image)).toBe(true);
    expect((await fileStore()).name).toBe("uploadthing");

    await runtime.drain();
    expect(await (await getDb()).attachment.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
      status: "READY",
      width: 60,
      height: 120,
    });
    // The original (with its GPS EXIF) was replaced by the cleaned copy.
    expect([...fake.files.values()].some((f) => f.customId === row.key)).toBe(false);
  });

  it("the local ingest route is closed when UploadThing stores the files", async () => {
    const res = await fetch(`${app.url}/api/files/ingest/route-metadata`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
  });
});
