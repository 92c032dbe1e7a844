// Cursor pagination of every list that can grow: workspaces, channels, members, invites, tokens. A walk with a small
// limit returns every row exactly once, in the order of the whole list the app's pages show, even when rows are
// added ahead of the cursor (and names tie) while it walks; a forged cursor is a 422.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { actorOf } from "./actions/helpers";
import { listChannels } from "@/lib/domain/channels/list-channels";
import { listInvites } from "@/lib/domain/invites/manage-invites";
import { listMembers } from "@/lib/domain/members/list-members";
import { listApiTokensFor } from "@/lib/domain/tokens/manage-tokens";
import { listMyWorkspaces } from "@/lib/domain/workspaces/list-workspaces";
import { api } from "../support/api";
import { addMember, createUser, createWorkspaceWithOwner, sessionCookie } from "../factories";

type Page = { status: number; json: { data: { id?: string; userId?: string }[]; nextCursor: string | null } };

/** Every page of `url` at `limit`, calling `between` after the first page; the ids in the order they came. */
async function walk(url: string, cookie: string, limit: number, between?: () => Promise<unknown>) {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = url.includes("?") ? "&" : "?";
    const res: Page = await api("GET", `${url}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ""}`, { cookie });
    expect(res.status).toBe(200);
    expect(res.json.data.length).toBeLessThanOrEqual(limit);
    if (res.json.nextCursor) expect(res.json.data.length).toBe(limit);
    ids.push(...res.json.data.map((r) => (r.id ?? r.userId) as string));
    cursor = res.json.nextCursor;
    if (pages++ === 0) await between?.();
  } while (cursor);
  return { ids, pages };
}

const once = (ids: string[]) => expect(new Set(ids).size).toBe(ids.length);

describe("cursor pagination of the growing lists", () => {
  it("workspaces: by name, every one once, a token sees only its own", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    for (const name of ["Delta", "alpha", "Charlie", "Bravo", "Echo", "Bravo"]) {
      expect((await api("POST", "/api/v1/workspaces", { cookie, body: { name } })).status).toBe(201);
    }
    const fresh = await sessionCookie(user.id);
    const { ids, pages } = await walk("/api/v1/workspaces", fresh, 2, async () => {
      // Sorts before the cursor: not seen in this walk, and nothing repeats.
      await api("POST", "/api/v1/workspaces", { cookie: fresh, body: { name: "Aardvark" } });
    });
    expect(pages).toBe(3);
    once(ids);
    const whole = (await listMyWorkspaces(await actorOf(user.id))).map((w) => w.id);
    expect(whole).toHaveLength(7);
    expect(ids).toEqual(whole.filter((id) => ids.includes(id)));
    expect(ids).toHaveLength(6);

    const token = await api("POST", `/api/v1/workspaces/${whole[0]}/tokens`, {
      cookie: fresh,
      body: { name: "ws", scopes: ["workspace:read"] },
    });
    const viaToken = await api("GET", "/api/v1/workspaces?limit=1", { token: token.json.data.token });
    expect(viaToken.json.data.map((w: { id: string }) => w.id)).toEqual([whole[0]]);
    expect(viaToken.json.nextCursor).toBeNull();
  });

  it("channels: active then archived, by name; every visible one once", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}/channels`;
    const made: string[] = [];
    for (const name of ["zeta", "eta", "theta", "iota", "kappa", "lambda"]) {
      const res = await api("POST", base, { cookie, body: { name } });
      made.push(res.json.data.id);
    }
    await api("PATCH", `${base}/${made[1]}`, { cookie, body: { archived: true } });
    const hidden = await api("POST", base, { cookie, body: { name: "hidden", kind: "PRIVATE" } });
    const member = await addMemberWithCookie(workspace.id);

    const { ids } = await walk(base, member.cookie, 3, () => api("POST", base, { cookie, body: { name: "aaa-new" } }));
    once(ids);
    expect(ids).not.toContain(hidden.json.data.id);
    const whole = (await listChannels(await actorOf(member.userId), workspace.id)).map((c) => c.id);
    expect(ids).toEqual(whole.filter((id) => ids.includes(id)));
    expect(ids.at(-1)).toBe(made[1]); // the archived channel comes last
    expect(ids).toHaveLength(7); // general + 6, not the private one, not the one made mid-walk before the cursor

    const ownerWalk = await walk(base, cookie, 4);
    expect(ownerWalk.ids).toContain(hidden.json.data.id);
    expect(ownerWalk.ids).toEqual((await listChannels(await actorOf(owner.id), workspace.id)).map((c) => c.id));
  });

  it("members: by name (ties by id), every one once while people join", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    for (const name of ["Sam", "Sam", "Robin", "Alex", "Sam"]) {
      const u = await createUser({ name });
      await addMember(workspace.id, u.id, "MEMBER");
    }
    const url = `/api/v1/workspaces/${workspace.id}/members`;
    const { ids, pages } = await walk(url, cookie, 2, async () => {
      const late = await createUser({ name: "Zoe" }); // sorts after the cursor: seen
      await addMember(workspace.id, late.id, "MEMBER");
    });
    expect(pages).toBe(4);
    once(ids);
    const whole = (await listMembers(await actorOf(ids[0]!), workspace.id)).map((m) => m.userId);
    expect(ids).toEqual(whole);
    expect(ids).toHaveLength(7);
  });

  it("invites and tokens: newest first, every one once while more are made", async () => {
    const { owner, cookie, workspace } = await createWorkspaceWithOwner();
    const base = `/api/v1/workspaces/${workspace.id}`;
    for (let i = 0; i < 5; i++) {
      expect(
        (await api("POST", `${base}/invites`, { cookie, body: { email: `p${i}-${workspace.id}@example.test` } }))
          .status,
      ).toBe(201);
      expect(
        (await api("POST", `${base}/tokens`, { cookie, body: { name: `t${i}`, scopes: ["posts:read"] } })).status,
      ).toBe(201);
    }
    const invites = await walk(`${base}/invites`, cookie, 2, () =>
      api("POST", `${base}/invites`, { cookie, body: { email: `late-${workspace.id}@example.test` } }),
    );
    once(invites.ids);
    expect(invites.ids).toHaveLength(5); // the late one is newer than the cursor: on a first page, not this walk
    const allInvites = (await listInvites(await actorOf(owner.id), workspace.id)).map((i) => i.id);
    expect(allInvites.slice(1)).toEqual(invites.ids);

    const tokens = await walk(`${base}/tokens`, cookie, 2);
    once(tokens.ids);
    expect(tokens.ids).toEqual((await listApiTokensFor(await actorOf(owner.id), workspace.id)).map((t) => t.id));
    expect(tokens.ids).toHaveLength(5);
    const db = await getDb();
    expect(await db.apiToken.count({ where: { workspaceId: workspace.id } })).toBe(5);
  });

  it("a cursor this API did not issue is a 422 on every list", async () => {
    const { cookie, workspace } = await createWorkspaceWithOwner();
    const forged = Buffer.from(JSON.stringify(["n", "x", "not an id!"])).toString("base64url");
    for (const url of [
      "/api/v1/workspaces",
      `/api/v1/workspaces/${workspace.id}/channels`,
      `/api/v1/workspaces/${workspace.id}/members`,
      `/api/v1/workspaces/${workspace.id}/invites`,
      `/api/v1/workspaces/${workspace.id}/tokens`,
      "/api/v1/me/notifications",
    ]) {
      for (const cursor of [forged, "garbage", Buffer.from("[1,2]").toString("base64url")]) {
        const res = await api("GET", `${url}?cursor=${cursor}`, { cookie });
        expect({ url, status: res.status, code: res.json.error?.code }).toEqual({
          url,
          status: 422,
          code: "VALIDATION_FAILED",
        });
      }
    }
  });
});

async function addMemberWithCookie(workspaceId: string) {
  const u = await createUser();
  await addMember(workspaceId, u.id, "MEMBER");
  return { userId: u.id, cookie: await sessionCookie(u.id) };
}
