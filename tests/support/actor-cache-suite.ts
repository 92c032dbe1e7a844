// The promise the actor cache must keep, on whichever adapter this test file chose by env: with a warm cache (the
// request before authenticated without a statement), a change that takes rights away acts on the very next request.
import { beforeAll, describe, expect, it } from "vitest";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { endSession } from "@/lib/domain/sessions/sessions";
import { countStatements } from "@/lib/request-context";
import { createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";
import { api } from "./api";

type Auth = { cookie: string } | { token: string };

/**
 * Calls from cold until the cache is warm for each credential of the person, and proves it: a warm call sends only
 * the operation's own `reads` statements, none for authentication.
 */
async function warm(url: string, auths: Auth[], userId: string, reads: number) {
  await forgetActorsOf([userId]);
  for (const auth of auths) {
    const cold = await countStatements(() => api("GET", url, auth));
    expect(cold.result.status).toBe(200);
    expect(cold.statements).toBeGreaterThan(reads);
    await api("GET", url, auth); // a token's grant is stored from its second request on (its owner is learnt first)
  }
  for (const auth of auths) {
    const warmed = await countStatements(() => api("GET", url, auth));
    expect(warmed.result.status).toBe(200);
    expect(warmed.statements).toBe(reads);
  }
}

async function tokenOf(workspaceId: string, cookie: string, scopes: string[]) {
  const res = await api("POST", `/api/v1/workspaces/${workspaceId}/tokens`, { cookie, body: { name: "t", scopes } });
  expect(res.status).toBe(201);
  return res.json.data as { id: string; token: string };
}

export function actorCacheSuite() {
  describe("lost rights are lost on the next request, with a warm cache", () => {
    beforeAll(async () => void (await getDb()), 120_000); // the first open migrates the database
    it("removal: the member's session and token are refused", async () => {
      const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
      const member = await memberOf(workspace.id, "ADMIN"); // admins may make tokens
      const token = await tokenOf(workspace.id, member.cookie, ["admin"]);
      const url = `/api/v1/workspaces/${workspace.id}`;
      await warm(url, [{ cookie: member.cookie }, { token: token.token }], member.user.id, 1);
      const removed = await api("DELETE", `${url}/members/${member.user.id}`, { cookie: ownerCookie });
      expect(removed.status).toBe(204);
      expect((await api("GET", url, { cookie: member.cookie })).status).toBe(404);
      expect((await api("GET", url, { token: token.token })).status).toBe(401);
    });

    it("demotion: an admin made member can no longer do what admins do", async () => {
      const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
      const admin = await memberOf(workspace.id, "ADMIN");
      const url = `/api/v1/workspaces/${workspace.id}`;
      await warm(`${url}/invites`, [{ cookie: admin.cookie }], admin.user.id, 1);
      const demoted = await api("PATCH", `${url}/members/${admin.user.id}`, {
        cookie: ownerCookie,
        body: { role: "MEMBER" },
      });
      expect(demoted.status).toBe(200);
      expect((await api("GET", `${url}/invites`, { cookie: admin.cookie })).status).toBe(403);
      // Promotion is seen at once too (the creator of a workspace, or an invitee, sees it on the next request).
      await api("PATCH", `${url}/members/${admin.user.id}`, { cookie: ownerCookie, body: { role: "ADMIN" } });
      expect((await api("GET", `${url}/invites`, { cookie: admin.cookie })).status).toBe(200);
    });

    it("token revocation: the warm token is refused", async () => {
      const { workspace, cookie, owner } = await createWorkspaceWithOwner();
      const token = await tokenOf(workspace.id, cookie, ["admin"]);
      const url = `/api/v1/workspaces/${workspace.id}`;
      await warm(url, [{ token: token.token }], owner.id, 1);
      expect((await api("DELETE", `${url}/tokens/${token.id}`, { cookie })).status).toBe(200);
      expect((await api("GET", url, { token: token.token })).status).toBe(401);
    });

    it("a session ended (sign-out, end session) is refused; the person's other session still works", async () => {
      const { workspace, cookie, owner } = await createWorkspaceWithOwner();
      const url = `/api/v1/workspaces/${workspace.id}`;
      const other = await sessionCookie(owner.id);
      await warm(url, [{ cookie }, { cookie: other }], owner.id, 1);
      const sessions = await (
        await getDb()
      ).session.findMany({ where: { userId: owner.id }, orderBy: { createdAt: "asc" } });
      const first = sessions[0];
      if (!first) throw new Error("no session");
      expect(await endSession(owner.id, first.id, "signed-out")).toBe(true);
      expect((await api("GET", url, { cookie })).status).toBe(401);
      expect((await api("GET", url, { cookie: other })).status).toBe(200);
    });

    it("a new workspace is reachable at once by its creator's warm session", async () => {
      const { cookie, owner } = await createWorkspaceWithOwner();
      await warm("/api/v1/workspaces", [{ cookie }], owner.id, 2);
      const made = await api("POST", "/api/v1/workspaces", { cookie, body: { name: "Second" } });
      expect(made.status).toBe(201);
      expect((await api("GET", `/api/v1/workspaces/${made.json.data.id}`, { cookie })).status).toBe(200);
    });
  });

  describe("the sidebar's channel list, cached per reader", () => {
    it("is served from the cache when warm (no statement: the counts are cached too), and shows every change next", async () => {
      const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
      const member = await memberOf(workspace.id, "MEMBER");
      const base = `/api/v1/workspaces/${workspace.id}/channels`;
      const list = async () => {
        const res = await api("GET", base, { cookie: member.cookie });
        expect(res.status).toBe(200);
        return res.json.data as {
          id: string;
          name: string;
          isMember: boolean;
          archived?: boolean;
          archivedAt?: string | null;
        }[];
      };
      await list();
      const warmed = await countStatements(list);
      // The list and the reader's counts both come from the cache (tests/support/counts-cache-suite.ts: the counts'
      // renewals).
      expect(warmed.statements).toBe(0);
      expect(warmed.result.map((c) => c.name)).toEqual(["general"]);

      const made = await api("POST", base, { cookie: ownerCookie, body: { name: "news", kind: "PUBLIC" } });
      expect(made.status).toBe(201);
      const news = made.json.data.id as string;
      expect((await list()).find((c) => c.id === news)).toMatchObject({ name: "news", isMember: false });

      expect(
        (await api("POST", `${base}/${news}/members`, { cookie: member.cookie, body: { userId: member.user.id } }))
          .status,
      ).toBeLessThan(300);
      expect((await list()).find((c) => c.id === news)?.isMember).toBe(true);

      expect((await api("PATCH", `${base}/${news}`, { cookie: ownerCookie, body: { name: "headlines" } })).status).toBe(
        200,
      );
      expect((await list()).find((c) => c.id === news)?.name).toBe("headlines");

      const secret = await api("POST", base, { cookie: ownerCookie, body: { name: "secret", kind: "PRIVATE" } });
      expect((await list()).some((c) => c.id === secret.json.data.id)).toBe(false);
      const added = await api("POST", `${base}/${secret.json.data.id}/members`, {
        cookie: ownerCookie,
        body: { userId: member.user.id },
      });
      expect(added.status).toBeLessThan(300);
      expect((await list()).some((c) => c.id === secret.json.data.id)).toBe(true);
    });
  });
}
