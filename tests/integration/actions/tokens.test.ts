import { describe, expect, it, vi } from "vitest";
import { createTokenAction, revokeTokenAction } from "@/app/w/[workspaceId]/tokens/actions";
import { listApiTokensFor } from "@/lib/domain/tokens/manage-tokens";
import { hashApiToken } from "@/lib/domain/tokens/token-format";
import { createWorkspaceWithOwner, memberOf } from "../../factories";
import { api } from "../../support/api";
import { useSessionCookie } from "../../support/cookies";
import { actorOf, expectFailure, expectOk, form } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

describe("API token actions", () => {
  it("creates a token from checkboxes (one or several), shows its secret once, and it works until revoked", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const one = expectOk(
      await createTokenAction(
        null,
        form({ workspaceId: workspace.id, name: "Reader", scopes: "posts:read", expiresInDays: "" }),
      ),
    );
    expect(one.token).toMatch(/^tid_/);
    const two = expectOk(
      await createTokenAction(
        null,
        form({ workspaceId: workspace.id, name: "Bot", scopes: ["posts:read", "workspace:read"], expiresInDays: "30" }),
      ),
    );

    const tokens = await listApiTokensFor(await actorOf(owner.id), workspace.id);
    const bot = tokens.find((t) => t.id === two.id);
    expect(bot?.scopes.sort()).toEqual(["posts:read", "workspace:read"]);
    expect(bot?.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(tokens.find((t) => t.id === one.id)?.expiresAt).toBeNull();
    expect(JSON.stringify(tokens)).not.toContain(one.token); // the secret is not kept
    expect(hashApiToken(one.token)).toHaveLength(64);

    const bearer = { token: two.token };
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, bearer)).status).toBe(200);
    expect(expectOk(await revokeTokenAction(null, form({ workspaceId: workspace.id, tokenId: two.id })))).toEqual({
      revoked: two.id,
    });
    expect((await api("GET", `/api/v1/workspaces/${workspace.id}`, bearer)).status).toBe(401);
  });

  it("needs a name and at least one known scope, and creates nothing otherwise", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const none = expectFailure(
      await createTokenAction(null, form({ workspaceId: workspace.id, name: "" })),
      "VALIDATION_FAILED",
    );
    expect(none.fields).toMatchObject({ name: "is required", scopes: "choose at least one scope" });
    const unknown = expectFailure(
      await createTokenAction(null, form({ workspaceId: workspace.id, name: "x", scopes: "root" })),
      "VALIDATION_FAILED",
    );
    expect(Object.keys(unknown.fields ?? {}).some((k) => k.startsWith("scopes"))).toBe(true);
    expectFailure(
      await createTokenAction(
        null,
        form({ workspaceId: workspace.id, name: "x", scopes: "admin", expiresInDays: "9999" }),
      ),
      "VALIDATION_FAILED",
    );
    expect(await listApiTokensFor(await actorOf(owner.id), workspace.id)).toEqual([]);
  });

  it("guests cannot create tokens; members cannot revoke others' tokens (404)", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    useSessionCookie(cookie);
    const owners = expectOk(
      await createTokenAction(null, form({ workspaceId: workspace.id, name: "Owner's", scopes: "posts:read" })),
    );
    const guest = await memberOf(workspace.id, "GUEST");
    useSessionCookie(guest.cookie);
    expectFailure(
      await createTokenAction(null, form({ workspaceId: workspace.id, name: "g", scopes: "posts:read" })),
      "FORBIDDEN",
    );
    const member = await memberOf(workspace.id, "MEMBER");
    useSessionCookie(member.cookie);
    expectFailure(await revokeTokenAction(null, form({ workspaceId: workspace.id, tokenId: owners.id })), "NOT_FOUND");
  });
});
