// What the request pipeline costs on top of the domain call it wraps: the same operation measured side by
// side, direct (baseline) and through the real route handler (cookie → claims check → zod → domain →
// response schema → JSON). Run: npm run bench. Vitest prints each as a ratio of the fastest.
import { bench, describe } from "vitest";
import { createPost } from "@/lib/domain/posts/create-post";
import { listPosts } from "@/lib/domain/posts/list-posts";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { takeRateLimit } from "@/lib/domain/rate-limits";
import { contracts } from "@/lib/validation/api";
import { api } from "../tests/support/api";
import { createWorkspaceWithOwner } from "../tests/factories";

const { cookie, workspace, general } = await createWorkspaceWithOwner("Bench");
const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
const actor = await actorFromCookies({ get: (n) => (n === name ? { value } : undefined) });
if (!actor) throw new Error("bench: no actor");
const base = `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`;
const body = { title: "Benchmark post", body: "Some **Markdown** with a [link](https://example.com)." };
for (let i = 0; i < 50; i++) await createPost(actor, workspace.id, general.id, body);

describe("create a post", () => {
  bench("domain call (baseline)", async () => {
    await createPost(actor, workspace.id, general.id, body);
  });
  bench("through route()", async () => {
    const res = await api("POST", base, { cookie, body });
    if (res.status !== 201) throw new Error(`status ${res.status}`);
  });
});

describe("list 25 posts", () => {
  bench("domain call (baseline)", async () => {
    await listPosts(actor, workspace.id, general.id, { limit: 25 });
  });
  bench("through route()", async () => {
    const res = await api("GET", `${base}?limit=25`, { cookie });
    if (res.status !== 200) throw new Error(`status ${res.status}`);
  });
});

// Where the overhead goes: each stage of route() alone, beside the domain call it wraps.
const listContract = contracts.find((c) => c.operationId === "listPosts");
if (!listContract) throw new Error("bench: no listPosts contract");
const page = await listPosts(actor, workspace.id, general.id, { limit: 25 });
const jar = { get: (n: string) => (n === name ? { value } : undefined) };

describe("stages of route() (list 25 posts)", () => {
  bench("domain call (baseline)", async () => {
    await listPosts(actor, workspace.id, general.id, { limit: 25 });
  });
  bench("authenticate: decode the session, check the claims version", async () => {
    if (!(await actorFromCookies(jar))) throw new Error("no actor");
  });
  bench("rate limit (memory store)", async () => {
    await takeRateLimit("api", `user:${actor.userId}:bench`).catch(() => undefined);
  });
  bench("respond: response schema + JSON", () => {
    JSON.stringify({ data: listContract.response.parse(page.items), nextCursor: page.nextCursor });
  });
});
