import { describe, expect, it, vi } from "vitest";
import { createWorkspaceAction } from "@/app/w/actions";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { listMyWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { createUser } from "../../factories";
import { useSessionCookie } from "../../support/cookies";
import { actAs, actorOf, expectFailure, form, redirectOf } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("workspace actions", () => {
  it("creates a workspace with its creator as owner and a #general channel, then opens it", async () => {
    const user = await createUser();
    await actAs(user.id);
    const target = await redirectOf(createWorkspaceAction(null, form({ name: "  Field Team  " })));
    const actor = await actorOf(user.id);
    const [ws] = await listMyWorkspaces(actor);
    expect(ws).toMatchObject({ name: "Field Team", role: "OWNER" });
    expect(target).toBe(`/w/${ws?.id}`);
    expect((await listChannels(actor, ws!.id)).map((c) => c.name)).toEqual(["general"]);
  });

  it("returns field errors for a blank or overlong name and creates nothing", async () => {
    const user = await createUser();
    await actAs(user.id);
    const blank = expectFailure(await createWorkspaceAction(null, form({ name: "   " })), "VALIDATION_FAILED");
    expect(blank.fields?.name).toBe("is required");
    const long = expectFailure(await createWorkspaceAction(null, form({ name: "x".repeat(81) })), "VALIDATION_FAILED");
    expect(long.fields?.name).toMatch(/at most 80/);
    const extra = expectFailure(
      await createWorkspaceAction(null, form({ name: "Ok", role: "OWNER" })),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(extra.fields ?? {})).not.toHaveLength(0);
    expect(await listMyWorkspaces(await actorOf(user.id))).toEqual([]);
  });

  it("refuses without a session", async () => {
    useSessionCookie(null);
    expectFailure(await createWorkspaceAction(null, form({ name: "Nobody's" })), "UNAUTHENTICATED");
  });
});
