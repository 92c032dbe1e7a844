// The crash tier: the production server on the embedded database and on PostgreSQL, written to steadily through the
// API (posts with @mentions, invites), SIGKILLed at seeded random moments and restarted. At the end every acknowledged
// (2xx) write is there, every promised email is in the mailbox exactly once, and no outbox row is stuck.
//   CRASH_KILLS=<n> kills per database (default 24) · CRASH_SEED=<n> replays a run (default 1)
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { baseEnv, startServer, waitFor, type Server } from "./server";

const KILLS = Number(process.env.CRASH_KILLS ?? 24);
const SEED = Number(process.env.CRASH_SEED ?? 1);
const adminUrl = process.env.TEST_POSTGRES_URL || "postgresql://postgres@127.0.0.1:5432/postgres";

/** mulberry32: a small seeded generator, so a failing run can be replayed with CRASH_SEED. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function fixture(command: "seed" | "inspect", env: Record<string, string>) {
  const r = spawnSync(process.execPath, ["--import", "tsx", "tests/server/crash-fixture.ts", command], {
    env: env as NodeJS.ProcessEnv,
    encoding: "utf8",
    timeout: 180_000,
    // The inspection lists every write and email of the run: past a megabyte (spawnSync's default) it was cut off.
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw new Error(`crash-fixture ${command} failed: ${r.error.message}`);
  const line = r.stdout.split("\n").find((l) => l.startsWith("RESULT "));
  if (!line) throw new Error(`crash-fixture ${command} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return JSON.parse(line.slice("RESULT ".length));
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function crashRun(label: string, port: number, dbEnv: Record<string, string>) {
  // The outbox backlog is in health's operator view: the test is the operator.
  const healthToken = "crash-test-health-token-0123456789abcdef";
  const env = { ...baseEnv(port), ...dbEnv, RATE_LIMIT_API_PER_MINUTE: "100000", HEALTH_TOKEN: healthToken };
  const seeded = fixture("seed", env);
  const rand = random(SEED + port);
  const acked = { posts: [] as { id: string; title: string }[], invites: [] as { id: string; email: string }[] };
  let writes = 0;
  let server: Server | undefined;
  cleanups.push(() => server?.kill());
  const started = Date.now();
  const headers = { authorization: `Bearer ${seeded.token}`, "content-type": "application/json" };
  const base = (s: Server) => `${s.url}/api/v1/workspaces/${seeded.workspaceId}`;

  /** One write, alternating posts that @mention someone and invites; only a 2xx counts as a promise. */
  async function write(s: Server, n: number) {
    writes++;
    const tag = `${label}-${n}-${randomBytes(3).toString("hex")}`;
    const post = n % 2 === 0;
    const res = await fetch(post ? `${base(s)}/channels/${seeded.channelId}/posts` : `${base(s)}/invites`, {
      method: "POST",
      headers,
      body: JSON.stringify(
        post
          ? { title: `crash ${tag}`, body: `Hello @${seeded.mentionHandle}, this is ${tag}.` }
          : { email: `invite-${tag}@crash.test`, role: "MEMBER" },
      ),
      signal: AbortSignal.timeout(30_000),
    }).catch(() => null); // killed mid-request: not acknowledged, so nothing was promised
    if (!res || res.status < 200 || res.status >= 300) return;
    const { data } = (await res.json().catch(() => ({ data: null }))) as { data: { id: string } | null };
    if (!data) return; // the answer was cut off: the client never saw the acknowledgement
    if (post) acked.posts.push({ id: data.id, title: `crash ${tag}` });
    else acked.invites.push({ id: data.id, email: `invite-${tag}@crash.test` });
  }

  const healthy = (s: Server) =>
    waitFor(`${s.url}/api/health`, (res) => res.status === 200, { timeoutMs: 180_000, intervalMs: 500 });

  for (let kill = 0; kill < KILLS; kill++) {
    server = startServer(port, env);
    await healthy(server);
    // Two writers; the kill comes at a random moment 0–4 s after the cycle's first acknowledged write (a cold server
    // answers its first request slowly: killing before that would test nothing).
    const ackedBefore = acked.posts.length + acked.invites.length;
    let n = writes;
    let killed = false;
    const writer = async (s: Server) => {
      while (!killed) await write(s, n++);
    };
    const s = server;
    const writers = [writer(s), writer(s)];
    const deadline = Date.now() + 120_000;
    while (acked.posts.length + acked.invites.length === ackedBefore && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await new Promise((resolve) => setTimeout(resolve, rand() * 4000));
    killed = true;
    await s.kill("SIGKILL");
    await Promise.all(writers);
  }

  // A last start: the relay and the sweep deliver what the killed processes left, then a clean stop.
  server = startServer(port, env);
  await healthy(server);
  await waitFor(
    `${server.url}/api/health`,
    (res, body) => res.status === 200 && JSON.parse(body).data.queue.outboxPending === 0,
    { timeoutMs: 180_000, intervalMs: 1000, init: { headers: { authorization: `Bearer ${healthToken}` } } },
  );
  await server.kill("SIGTERM");
  const found = fixture("inspect", env);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.info(
    `[crash] ${label}: ${KILLS} kills, ${writes} writes sent, ${acked.posts.length + acked.invites.length} acknowledged, ${seconds} s`,
  );
  return { seeded, acked, found, writes };
}

function check({ seeded, acked, found }: Awaited<ReturnType<typeof crashRun>>) {
  expect(acked.posts.length + acked.invites.length).toBeGreaterThan(0);
  // Every acknowledged write is there.
  const postIds = new Set(found.posts.map((p: { id: string }) => p.id));
  expect(acked.posts.filter((p) => !postIds.has(p.id))).toEqual([]);
  const inviteIds = new Set(found.invites.map((i: { id: string }) => i.id));
  expect(acked.invites.filter((i) => !inviteIds.has(i.id))).toEqual([]);
  // Every promised email is in the mailbox exactly once: an invite email per acknowledged invite, a mention email
  // per mention of an acknowledged post, a verification email per sign-up.
  const mails = found.mails as { to: string; subject: string; idempotencyKey: string }[];
  const count = (pred: (m: (typeof mails)[number]) => boolean) => mails.filter(pred).length;
  for (const invite of acked.invites)
    expect({ to: invite.email, mails: count((m) => m.to === invite.email) }).toEqual({ to: invite.email, mails: 1 });
  const mentionIds = new Map(found.mentions.map((m: { id: string; postId: string }) => [m.postId, m.id]));
  for (const post of acked.posts) {
    const mentionId = mentionIds.get(post.id);
    expect({ post: post.title, mentioned: Boolean(mentionId) }).toEqual({ post: post.title, mentioned: true });
    expect({ post: post.title, mails: count((m) => m.idempotencyKey === `mention/${String(mentionId)}`) }).toEqual({
      post: post.title,
      mails: 1,
    });
  }
  for (const to of ["owner@crash.test", "mentioned@crash.test"])
    expect(count((m) => m.to === to && !m.idempotencyKey.startsWith("mention/"))).toBeGreaterThanOrEqual(1);
  // No outbox row is stuck (nor given up).
  expect(found.outbox.filter((o: { status: string }) => o.status !== "SENT")).toEqual([]);
  expect(seeded.token).toMatch(/^tid_/);
}

describe("crash test: SIGKILL at random moments loses nothing acknowledged", () => {
  it("on the embedded database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tidings-crash-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    check(await crashRun("pglite", 3212, { PGLITE_DATA_DIR: path.join(dir, "pglite") }));
  });

  it("on PostgreSQL", async () => {
    const name = `tidings_crash_${randomBytes(4).toString("hex")}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}"`);
    cleanups.push(async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    });
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    check(await crashRun("postgres", 3213, { DATABASE_URL: url.toString() }));
  });
});
