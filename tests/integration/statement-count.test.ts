// The statement-count guard: every contract declares how many SQL statements one call may send
// (`maxStatements`), and this drives each operation once with a valid request and counts what reaches the
// database through the driver adapter (so PostgreSQL and PGlite alike, whichever this run is on). An N+1 cannot
// come back unseen: a change that adds a statement to an operation fails here until its contract says so.
import { beforeAll, describe, expect, it } from "vitest";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { countStatements } from "@/lib/request-context";
import { contracts } from "@/lib/validation/api";
import { healthContract } from "@/lib/validation/api/health";
import type { Contract } from "@/lib/validation/contract";
import { api } from "../support/api";
import {
  contractUrl,
  contractWorld,
  sampleBody,
  type BodyContract,
  type ContractWorld,
} from "../support/contract-world";

// Reads first, then writes to posts and comments (before a channel update may archive the channel), other writes,
// deletions last: each call finds the world the previous ones left.
const order = (c: Contract) =>
  c.method === "GET" ? 0 : c.method === "DELETE" ? 3 : c.tag === "Posts" || c.tag === "Comments" ? 1 : 2;
const all = [...(contracts as Contract[])].sort((a, b) => order(a) - order(b));
// These must succeed here, so the guard measures their whole path, not an early refusal. In this world a few others
// take a refusal path (addChannelMember: already a member, 409; acceptInvite: no invite token, 404), so their
// success path is bounded by review only.
const mustSucceed = new Set([
  ...["listPosts", "createPost", "getPost", "listComments", "createComment", "listChannels", "search"],
  ...["listWorkspaces", "listMembers", "listInvites", "listTokens", "catchUp", "markChannelRead"],
  ...["getMe", "updateMe", "listNotifications", "markNotificationRead", "markAllNotificationsRead"],
  ...["getChannelMembership", "updateChannelMembership"],
]);

let world: ContractWorld;
beforeAll(async () => {
  world = await contractWorld();
}, 600_000);

describe("statement counting", () => {
  it("counts each statement, inside transactions too, on this database", async () => {
    const db = await getDb();
    expect((await countStatements(() => db.user.count())).statements).toBe(1);
    const tx = await countStatements(() =>
      db.$transaction(async (t) => {
        await t.user.count();
        await t.workspace.count();
        return t.channel.count();
      }),
    );
    expect(tx.statements).toBe(3);
    const nested = await countStatements(async () => {
      const inner = await countStatements(() => db.user.count());
      await db.workspace.count();
      return inner.statements;
    });
    expect([nested.result, nested.statements]).toEqual([1, 2]);
  });

  // lib/data/db/pglite-prepared.ts: the embedded database plans a SQL text once, not on every call.
  it.runIf(!process.env.DATABASE_URL)("on PGlite, sends a repeated statement as one prepared statement", async () => {
    const db = await getDb();
    for (let i = 0; i < 3; i++) await db.$queryRaw`SELECT ${i}::int AS "preparedOnce"`;
    const marker = '"preparedOnce"'; // a parameter: the checking statement's own text does not contain it
    const rows = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_prepared_statements WHERE strpos(statement, ${marker}) > 0`;
    expect(rows).toEqual([{ n: 1 }]);
  });
});

describe("every contract stays within its maxStatements", () => {
  it.each(all.map((c) => [c.operationId, c] as const))("%s", async (operationId, c) => {
    const body = c.body ? sampleBody(c as BodyContract, world.ids) : undefined;
    await forgetActorsOf([world.ownerId]); // cold: the bound covers authentication from the database
    const { result: res, statements } = await countStatements(() =>
      api(c.method, contractUrl(c, world.ids), { cookie: world.cookie, body }),
    );
    expect(res.status).toBeLessThan(500);
    if (mustSucceed.has(operationId)) expect(res.status).toBe(c.status);
    expect(statements, `${operationId} sent ${statements} statements`).toBeLessThanOrEqual(c.maxStatements);
  });

  it("getHealth", async () => {
    const { result: res, statements } = await countStatements(() => api("GET", "/api/health"));
    expect(res.status).toBe(200);
    expect(statements).toBeLessThanOrEqual(healthContract.maxStatements);
  });
});

describe("with a warm cache", () => {
  it("an authenticated read is its one query: no statement for the session or the token", async () => {
    const url = `/api/v1/workspaces/${world.ids.workspaceId}/channels/${world.ids.channelId}/posts`;
    for (const auth of [{ cookie: world.cookie }, { token: world.readToken }]) {
      for (let i = 0; i < 2; i++) await api("GET", url, auth); // a token's grant is stored from its second request
      const { result: res, statements } = await countStatements(() => api("GET", url, auth));
      expect(res.status).toBe(200);
      expect(statements).toBe(1);
    }
  });

  it("a plain post is its one INSERT: who may post there comes from the cached channel list", async () => {
    // A channel of its own: the contracts above leave theirs archived.
    const made = await api("POST", `/api/v1/workspaces/${world.ids.workspaceId}/channels`, {
      cookie: world.cookie,
      body: { name: `warm-${Date.now()}` },
    });
    expect(made.status).toBe(201);
    const url = `/api/v1/workspaces/${world.ids.workspaceId}/channels/${made.json.data.id}/posts`;
    const post = () => api("POST", url, { cookie: world.cookie, body: { title: "Warm", body: "no mention, no file" } });
    await post();
    const { result: res, statements } = await countStatements(post);
    expect(res.status).toBe(201);
    expect(statements).toBe(1);
  });
});
