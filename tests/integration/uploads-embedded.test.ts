// The browser's upload protocol in the embedded mode: the real UploadThing route handler (our file router) and the
// app's local ingest route, over HTTP, storing into the disk store; then the background processing.
import { vi } from "vitest";

const port = vi.hoisted(() => {
  // Below Linux's ephemeral range (32768+), where an outgoing connection may hold any port.
  const p = 20_000 + Math.floor(Math.random() * 12_000);
  process.env.APP_URL = `http://127.0.0.1:${p}`;
  delete process.env.UPLOADTHING_TOKEN;
  process.env.POST_MAX_FILES = "3";
  process.env.FILE_MAX_BYTES = String(1024 * 1024);
  return p;
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCommentAction, createPostAction } from "@/app/w/[workspaceId]/p/actions";
import { listPostFiles } from "@/lib/domain/files/attach";
import { actorOf, expectFailure, expectOk, form } from "./actions/helpers";
import { useSessionCookie } from "../support/cookies";
import { getDb } from "@/lib/data/db/client";
import { fileStore } from "@/lib/data/files/store";
import { createWorkspaceWithOwner, memberOf } from "../factories";
import { useEmbeddedRuntime } from "../support/background";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
import * as files from "../support/files";
import { putFile, requestPresigned, startAppServer, uploadThroughRouter } from "../support/upload-client";

let app: Awaited<ReturnType<typeof startAppServer>>;
let runtime: ReturnType<typeof useEmbeddedRuntime>;
let ctx: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
let other: Awaited<ReturnType<typeof createWorkspaceWithOwner>>;
beforeAll(async () => {
  app = await startAppServer(port);
  runtime = useEmbeddedRuntime();
  ctx = await createWorkspaceWithOwner();
  other = await createWorkspaceWithOwner();
});
afterAll(async () => {
  // Only what beforeAll got to (a failed start must report itself, not a TypeError here).
  await runtime?.drain();
  runtime?.uninstall();
  await app?.close();
});

const row = async (id: string) => (await getDb()).attachment.findUniqueOrThrow({ where: { id } });
const target = () => ({ workspaceId: ctx.workspace.id, channelId: ctx.general.id });
const errorOf = (json: unknown) => json as { message: string; code: string };

describe("uploads through the file router, embedded mode", () => {
  it("stores each file on the disk store under our key, records it pending, then processes it", async () => {
    const image = await files.png(80, 40);
    const doc = files.pdf();
    const done = await uploadThroughRouter(
      app.url,
      target(),
      [
        { name: "chart.png", type: "image/png", bytes: image },
        { name: "spec.pdf", type: "application/pdf", bytes: doc },
      ],
      { cookie: ctx.cookie },
    );
    expect(done.map((d) => d.serverData.status)).toEqual(["PENDING", "PENDING"]);
    const [png, pdf] = await Promise.all(done.map((d) => row(d.serverData.fileId)));
    expect(png).toMatchObject({ name: "chart.png", workspaceId: ctx.workspace.id, uploaderId: ctx.owner.id });
    expect(png!.key).toBe(done[0]!.presigned.customId);
    const store = await fileStore();
    expect(Buffer.from((await store.get(pdf!.key))!)).toEqual(doc);

    await runtime.drain();
    expect((await row(png!.id)).rejectReason).toBeNull();
    expect(await row(png!.id)).toMatchObject({ status: "READY", detectedType: "image/png", width: 80, height: 40 });
    expect(await row(pdf!.id)).toMatchObject({ status: "READY", detectedType: "application/pdf" });
  });

  it("refuses before any byte is sent: no session, another workspace, a cross-site page, the limits", async () => {
    const one = [{ name: "a.png", type: "image/png", bytes: await files.png() }];
    const anonymous = await requestPresigned(app.url, target(), one);
    expect(anonymous.status).toBe(403);
    expect(errorOf(anonymous.json).message).toBe("Sign in to upload files");

    const stranger = await requestPresigned(app.url, target(), one, { cookie: other.cookie });
    expect(stranger.status).toBe(404);
    expect(errorOf(stranger.json).message).toBe("Workspace not found");

    const crossSite = await requestPresigned(app.url, target(), one, {
      cookie: ctx.cookie,
      origin: "https://evil.example",
    });
    expect(crossSite.status).toBe(403);

    const four = Array.from({ length: 4 }, (_, i) => ({ ...one[0]!, name: `${i}.png` }));
    const tooMany = await requestPresigned(app.url, target(), four, { cookie: ctx.cookie });
    expect(tooMany.status).toBe(400);
    expect(errorOf(tooMany.json).message).toMatch(/files/i);

    const svg = await requestPresigned(
      app.url,
      target(),
      [{ name: "x.svg", type: "image/svg+xml", bytes: files.svgWithScript() }],
      { cookie: ctx.cookie },
    );
    expect(svg.status).toBe(400);
    expect(errorOf(svg.json).message).toMatch(/not accepted/);

    const guest = await memberOf(ctx.workspace.id, "GUEST"); // not in #general
    const hidden = await requestPresigned(app.url, target(), one, { cookie: guest.cookie });
    expect(hidden.status).toBe(404);
    expect(errorOf(hidden.json).message).toBe("Channel not found");

    const before = (await (await fileStore()).list()).length;
    expect(await (await getDb()).attachment.count({ where: { uploaderId: guest.user.id } })).toBe(0);
    expect((await (await fileStore()).list()).length).toBe(before);
  });

  it("refuses a tampered or foreign presigned URL, storing nothing", async () => {
    const file = { name: "b.png", type: "image/png", bytes: await files.png() };
    const asked = await requestPresigned(app.url, target(), [file], { cookie: ctx.cookie });
    expect(asked.status).toBe(200);
    const [presigned] = asked.json as { url: string; key: string; customId: string; name: string }[];
    const tampered = new URL(presigned!.url);
    tampered.searchParams.set("x-ut-custom-id", "f_someone_elses_file");
    const refused = await putFile(presigned!, file, tampered.toString());
    expect(refused.status).toBe(403);
    const store = await fileStore();
    expect(await store.get("f_someone_elses_file")).toBeNull();
    expect(await store.get(presigned!.customId)).toBeNull();
    // The genuine URL still works afterwards.
    expect((await putFile(presigned!, file)).status).toBe(200);
  });

  it("a file the ingest receives larger than the limit is refused", async () => {
    const file = { name: "c.txt", type: "text/plain", bytes: Buffer.from("small") };
    const asked = await requestPresigned(app.url, target(), [file], { cookie: ctx.cookie });
    const [presigned] = asked.json as { url: string; key: string; customId: string; name: string }[];
    const big = { ...file, bytes: Buffer.alloc(2 * 1024 * 1024, "a") };
    const refused = await putFile(presigned!, big);
    expect(refused.status).toBe(413);
    expect(await (await fileStore()).get(presigned!.customId)).toBeNull();
  });

  it("the composer's files go with the post (and the comment form's with the comment), all or nothing", async () => {
    const two = await uploadThroughRouter(
      app.url,
      target(),
      [
        { name: "one.txt", type: "text/plain", bytes: Buffer.from("one") },
        { name: "two.txt", type: "text/plain", bytes: Buffer.from("two") },
      ],
      { cookie: ctx.cookie },
    );
    const ids = two.map((d) => d.serverData.fileId);
    useSessionCookie(ctx.cookie);
    const fields = { workspaceId: ctx.workspace.id, channelId: ctx.general.id, title: "Notes", body: "Attached" };
    const post = expectOk(await createPostAction(null, form({ ...fields, fileIds: ids })));
    const actor = await actorOf(ctx.owner.id);
    const attached = await listPostFiles(actor, ctx.workspace.id, post.id);
    expect(attached.map((f) => f.name).sort()).toEqual(["one.txt", "two.txt"]);
    expect(attached.every((f) => f.commentId === null)).toBe(true);

    // Someone else's upload: refused, and no post was created.
    const [theirs] = await uploadThroughRouter(
      app.url,
      { workspaceId: other.workspace.id, channelId: other.general.id },
      [{ name: "x.txt", type: "text/plain", bytes: Buffer.from("x") }],
      { cookie: other.cookie },
    );
    const count = await (await getDb()).post.count({ where: { channelId: ctx.general.id } });
    expectFailure(
      await createPostAction(null, form({ ...fields, title: "Stolen", fileIds: [theirs!.serverData.fileId] })),
      "NOT_FOUND",
    );
    expect(await (await getDb()).post.count({ where: { channelId: ctx.general.id } })).toBe(count);

    const [reply] = await uploadThroughRouter(
      app.url,
      { workspaceId: ctx.workspace.id, postId: post.id },
      [{ name: "reply.txt", type: "text/plain", bytes: Buffer.from("reply") }],
      { cookie: ctx.cookie },
    );
    const comment = expectOk(
      await createCommentAction(
        null,
        form({ workspaceId: ctx.workspace.id, postId: post.id, body: "See file", fileIds: reply!.serverData.fileId }),
      ),
    );
    const all = await listPostFiles(actor, ctx.workspace.id, post.id);
    expect(all.find((f) => f.name === "reply.txt")?.commentId).toBe(comment.id);
  });
});
