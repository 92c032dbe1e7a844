import { describe, expect, it, vi } from "vitest";
import {
  createCommentAction,
  createPostAction,
  deletePostAction,
  editPostAction,
} from "@/app/w/[workspaceId]/p/actions";
import { listComments } from "@/lib/domain/comments/list-comments";
import { getPostOrThrow } from "@/lib/domain/posts/get-post";
import { listPosts } from "@/lib/domain/posts/list-posts";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const page = { limit: 25 };

describe("post and comment actions", () => {
  it("posts to a channel, comments, edits (marked edited) and deletes", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    const ids = { workspaceId: workspace.id, channelId: general.id };
    useSessionCookie(cookie);
    const post = expectOk(await createPostAction(null, form({ ...ids, title: "Hello", body: "**Markdown** body" })));
    const actor = await actorOf(owner.id);
    expect((await listPosts(actor, workspace.id, general.id, page)).items.map((p) => p.title)).toEqual(["Hello"]);

    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(member.cookie);
    expectOk(await createCommentAction(null, form({ workspaceId: workspace.id, postId: post.id, body: "Nice one" })));
    expect((await listComments(actor, workspace.id, post.id, page)).items.map((c) => c.body)).toEqual(["Nice one"]);

    // Only the author edits.
    expectFailure(
      await editPostAction(null, form({ workspaceId: workspace.id, postId: post.id, title: "Mine now", body: "x" })),
      "FORBIDDEN",
    );
    useSessionCookie(cookie);
    const back = await redirectOf(
      editPostAction(null, form({ workspaceId: workspace.id, postId: post.id, title: "Hello again", body: "Edited" })),
    );
    expect(back).toBe(`/w/${workspace.id}/p/${post.id}`);
    const edited = await getPostOrThrow(actor, workspace.id, post.id);
    expect(edited).toMatchObject({ title: "Hello again", body: "Edited" });
    expect(edited.editedAt).not.toBeNull();

    const after = await redirectOf(deletePostAction(null, form({ workspaceId: workspace.id, postId: post.id })));
    expect(after).toBe(`/w/${workspace.id}/c/${general.id}`);
    expect((await listPosts(actor, workspace.id, general.id, page)).items).toEqual([]);
  });

  it("lets an admin delete someone else's post, but not a plain member", async () => {
    const { workspace, general } = await createWorkspaceWithOwner();
    const author = await memberOf(workspace.id, "MEMBER");
    const other = await memberOf(workspace.id, "MEMBER");
    const admin = await memberOf(workspace.id, "ADMIN");
    useSessionCookie(author.cookie);
    const post = expectOk(
      await createPostAction(null, form({ workspaceId: workspace.id, channelId: general.id, title: "T", body: "B" })),
    );
    const ref = form({ workspaceId: workspace.id, postId: post.id });
    useSessionCookie(other.cookie);
    expectFailure(await deletePostAction(null, ref), "FORBIDDEN");
    useSessionCookie(admin.cookie);
    await redirectOf(deletePostAction(null, ref));
  });

  it("returns field errors for bad input and writes nothing", async () => {
    const { owner, cookie, workspace, general } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const ids = { workspaceId: workspace.id, channelId: general.id };
    const blank = expectFailure(
      await createPostAction(null, form({ ...ids, title: " ", body: "" })),
      "VALIDATION_FAILED",
    );
    expect(blank.fields).toMatchObject({ title: "is required", body: "is required" });
    const long = expectFailure(
      await createPostAction(null, form({ ...ids, title: "t".repeat(201), body: "b" })),
      "VALIDATION_FAILED",
    );
    expect(long.fields?.title).toMatch(/at most 200/);
    const badId = expectFailure(
      await createPostAction(null, form({ workspaceId: workspace.id, channelId: "../etc", title: "t", body: "b" })),
      "VALIDATION_FAILED",
    );
    expect(badId.fields?.channelId).toBeDefined();
    expectFailure(
      await createCommentAction(null, form({ workspaceId: workspace.id, postId: "nope", body: "hi" })),
      "NOT_FOUND",
    );
    expect((await listPosts(await actorOf(owner.id), workspace.id, general.id, page)).items).toEqual([]);
  });

  it("cannot post into another workspace's channel (404, nothing written)", async () => {
    const a = await createWorkspaceWithOwner();
    const b = await createWorkspaceWithOwner();
    useSessionCookie(b.cookie);
    expectFailure(
      await createPostAction(
        null,
        form({ workspaceId: a.workspace.id, channelId: a.general.id, title: "t", body: "b" }),
      ),
      "NOT_FOUND",
    );
    expectFailure(
      await createPostAction(
        null,
        form({ workspaceId: b.workspace.id, channelId: a.general.id, title: "t", body: "b" }),
      ),
      "NOT_FOUND",
    );
    expect((await listPosts(await actorOf(a.owner.id), a.workspace.id, a.general.id, page)).items).toEqual([]);
  });
});
