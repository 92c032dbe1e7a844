// Workspace MFA requirement: owners turn it on; members without two-step sign-in are refused (403 MFA_REQUIRED) on
// the API, sent to set it up on pages, and let in once they have.
import { describe, expect, it, vi } from "vitest";
import { findWorkspace } from "@/app/_lib/loaders";
import { confirmTotpAction, startTotpAction, workspaceSecurityAction } from "@/app/settings/security/actions";
import { totpCode } from "@/lib/domain/mfa/totp";
import { api } from "../support/api";
import { useSessionCookie as actAsCookie } from "../support/cookies";
import { createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";
import { expectFailure, expectOk, form, redirectOf } from "./actions/helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

async function turnOnMfa(userId: string) {
  actAsCookie(await sessionCookie(userId));
  const { secret } = expectOk(await startTotpAction(null, form({})));
  expectOk(await confirmTotpAction(null, form({ code: totpCode(secret) })));
}

async function requiringWorkspace() {
  const team = await createWorkspaceWithOwner();
  await turnOnMfa(team.owner.id);
  const res = await api("PATCH", `/api/v1/workspaces/${team.workspace.id}`, {
    cookie: team.cookie,
    body: { requireMfa: true },
  });
  expect(res.status).toBe(200);
  expect(res.json.data).toMatchObject({ id: team.workspace.id, requireMfa: true, role: "OWNER" });
  return team;
}

describe("workspace MFA requirement", { timeout: 90_000 }, () => {
  it("an owner without MFA cannot turn it on (they would lock themselves out); admins and tokens cannot at all", async () => {
    const team = await createWorkspaceWithOwner();
    const path = `/api/v1/workspaces/${team.workspace.id}`;
    const refused = await api("PATCH", path, { cookie: team.cookie, body: { requireMfa: true } });
    expect(refused.status).toBe(409);
    const admin = await memberOf(team.workspace.id, "ADMIN");
    await turnOnMfa(admin.user.id);
    const notOwner = await api("PATCH", path, {
      cookie: await sessionCookie(admin.user.id),
      body: { requireMfa: true },
    });
    expect(notOwner.status).toBe(403);
    expect(notOwner.json.error.code).toBe("FORBIDDEN");
    const bad = await api("PATCH", path, { cookie: team.cookie, body: { requireMfa: "yes" } });
    expect(bad.status).toBe(422);
    expect((await api("GET", path, { cookie: team.cookie })).json.data.requireMfa).toBe(false);
  });

  it("members without MFA get 403 MFA_REQUIRED on the workspace, its channels and with their API tokens", async () => {
    const team = await createWorkspaceWithOwner();
    const member = await memberOf(team.workspace.id, "MEMBER");
    const token = await api("POST", `/api/v1/workspaces/${team.workspace.id}/tokens`, {
      cookie: member.cookie,
      body: { name: "ci", scopes: ["workspace:read", "posts:read"] },
    });
    expect(token.status).toBe(201);
    const bearer = { authorization: `Bearer ${token.json.data.token as string}` };
    await turnOnMfa(team.owner.id);
    const turnOn = await api("PATCH", `/api/v1/workspaces/${team.workspace.id}`, {
      cookie: team.cookie,
      body: { requireMfa: true },
    });
    expect(turnOn.status).toBe(200);

    for (const path of [
      `/api/v1/workspaces/${team.workspace.id}`,
      `/api/v1/workspaces/${team.workspace.id}/channels`,
      `/api/v1/workspaces/${team.workspace.id}/channels/${team.general.id}/posts`,
    ]) {
      const res = await api("GET", path, { cookie: member.cookie });
      expect(res.status, path).toBe(403);
      expect(res.json.error.code, path).toBe("MFA_REQUIRED");
    }
    const viaToken = await api("GET", `/api/v1/workspaces/${team.workspace.id}`, { headers: bearer });
    expect(viaToken.status).toBe(403);
    expect(viaToken.json.error.code).toBe("MFA_REQUIRED");
    // The workspace stays in their list, so they can find their way to setting it up.
    const list = await api("GET", "/api/v1/workspaces", { cookie: member.cookie });
    expect(list.json.data.map((w: { id: string }) => w.id)).toContain(team.workspace.id);
    // The owner (who has MFA) is unaffected.
    expect((await api("GET", `/api/v1/workspaces/${team.workspace.id}/channels`, { cookie: team.cookie })).status).toBe(
      200,
    );

    // Setting it up lets the same session and token in on their next request.
    await turnOnMfa(member.user.id);
    expect((await api("GET", `/api/v1/workspaces/${team.workspace.id}`, { cookie: member.cookie })).status).toBe(200);
    expect((await api("GET", `/api/v1/workspaces/${team.workspace.id}`, { headers: bearer })).status).toBe(200);
  });

  it("pages send a member without MFA to set it up", async () => {
    const team = await requiringWorkspace();
    const member = await memberOf(team.workspace.id, "MEMBER");
    actAsCookie(member.cookie);
    expect(await redirectOf(findWorkspace(team.workspace.id))).toBe(`/settings/security?required=${team.workspace.id}`);
  });

  it("the settings form turns it off again, for owners only", async () => {
    const team = await requiringWorkspace();
    const admin = await memberOf(team.workspace.id, "ADMIN");
    await turnOnMfa(admin.user.id);
    const fields = form({ workspaceId: team.workspace.id, requireMfa: "off" });
    expectFailure(await workspaceSecurityAction(null, fields), "FORBIDDEN");
    actAsCookie(team.cookie);
    expect(expectOk(await workspaceSecurityAction(null, fields)).requireMfa).toBe(false);
    const member = await memberOf(team.workspace.id, "MEMBER");
    expect((await api("GET", `/api/v1/workspaces/${team.workspace.id}`, { cookie: member.cookie })).status).toBe(200);
  });
});
