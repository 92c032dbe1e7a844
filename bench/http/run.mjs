// npm run bench:http — Tidings against two bare baselines, from outside, over HTTP, on PostgreSQL.
// Builds the app and a bare Next.js route app, seeds a throwaway database, starts the three servers (Tidings,
// bare Next.js route + pg, node:http + pg), drives them with autocannon in interleaved rounds (arm order rotated
// each round, so a noisy neighbour hits every arm alike), and prints medians of req/s, p50/p99, server CPU per
// request (from /proc/<pid>/stat, the server's whole process tree), SQL statements per request and the ratios.
// Bounded: BENCH_TIMEOUT_S (default 900, 1800 with BENCH_SCALE) stops everything. Env: BENCH_POSTGRES_URL (admin
// URL, default TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ROUNDS (3),
// BENCH_DURATION_S (4), BENCH_PORT (3300; uses up to seven ports from it), BENCH_SKIP_BUILD=1 (reuse the last
// builds), BENCH_POSTS (200; 1000 with BENCH_SCALE), BENCH_CASES (read,create: which of the standard cases run).
// Optional modes (each adds a Tidings server running the same build):
// - BENCH_SCALE=1: a second PostgreSQL database seeded like the first plus BENCH_SCALE_POSTS (100000) posts and
//   BENCH_SCALE_COMMENTS (1000000) comments in other channels (one INSERT…SELECT generate_series each); the same list
//   at c=1 on both, interleaved, and the ratio big ÷ small of the p50 and of the mean latency (goal ≤ 1.2);
// - BENCH_EMBEDDED=1: a Tidings server on PGlite (PGLITE_DATA_DIR in a temporary directory, no DATABASE_URL), seeded
//   with the same SQL, as one more arm of the read cases, and the ratio PGlite ÷ PostgreSQL of read req/s (goal ≥ 0.7).
// BENCH_AB_DIR=<dir>: another checkout with its own production build (`npm run build` there), started on the same
//   database as one more Tidings server; its arms ("…, other build") run interleaved beside this build's, for
//   comparing two builds on a noisy machine. With BENCH_EMBEDDED too, it also runs on a copy of the seeded PGlite
//   directory ("tidings token, PGlite, other build").
// BENCH_CPU_PROF=<dir>: the Tidings servers (PostgreSQL, and PGlite with BENCH_EMBEDDED) run with node --cpu-prof, their
//   profiles written there on exit (CPU.<date>.<pid>.….cpuprofile; the pids are logged at start).
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import pg from "pg";
import { encode } from "@auth/core/jwt";

const root = path.resolve(import.meta.dirname, "../..");
const adminUrl =
  process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const duration = Number(process.env.BENCH_DURATION_S ?? 4);
const basePort = Number(process.env.BENCH_PORT ?? 3300);
const scale = process.env.BENCH_SCALE === "1";
const embeddedArm = process.env.BENCH_EMBEDDED === "1";
const only = new Set((process.env.BENCH_CASES ?? "read,create").split(",").map((x) => x.trim()));
const postCount = Number(process.env.BENCH_POSTS ?? (scale ? 1000 : 200));
const scalePosts = Number(process.env.BENCH_SCALE_POSTS ?? 100_000);
const scaleComments = Number(process.env.BENCH_SCALE_COMMENTS ?? 1_000_000);
const abDir = process.env.BENCH_AB_DIR ? path.resolve(process.env.BENCH_AB_DIR) : undefined;
const cpuProfDir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : undefined;
const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? (scale ? 1800 : 900));
const secret = randomBytes(32).toString("hex");
const dbName = `tidings_bench_${randomBytes(5).toString("hex")}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const bigDbName = `${dbName}_big`;
const bigDbUrl = Object.assign(new URL(adminUrl), { pathname: `/${bigDbName}` }).toString();
const pgliteDir = embeddedArm ? mkdtempSync(path.join(os.tmpdir(), "tidings-bench-pglite-")) : undefined;
const pgliteOtherDir = embeddedArm && abDir ? mkdtempSync(path.join(os.tmpdir(), "tidings-bench-pglite-")) : undefined;
const children = [];
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString().trim() || 100);
const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function cleanup() {
  const exited = children.map((c) =>
    c.exitCode !== null || c.signalCode !== null ? null : new Promise((resolve) => c.once("exit", resolve)),
  );
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {}
  }
  // A server writes its CPU profile as it exits: give it a few seconds.
  await Promise.race([Promise.all(exited), new Promise((r) => setTimeout(r, 10_000))]);
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect().catch(() => {});
  for (const name of [dbName, bigDbName]) {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch(() => {});
  }
  await admin.end().catch(() => {});
  for (const dir of [pgliteDir, pgliteOtherDir].filter(Boolean)) {
    // The embedded lock lives beside the directory (lib/data/db/embedded-lock.ts); a SIGTERMed server may leave it.
    for (const p of [dir, `${dir}.lock`, `${dir}.lock.owner`]) rmSync(p, { recursive: true, force: true });
  }
}
const deadline = setTimeout(async () => {
  console.error(`bench:http: over ${timeoutS}s, stopping`);
  await cleanup();
  process.exit(2);
}, timeoutS * 1000);
deadline.unref();
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => cleanup().then(() => process.exit(130)));

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed`);
}

const nextBin = path.join(root, "node_modules/next/dist/bin/next");

function start(name, args, env, cwd = root) {
  const child = spawn(process.execPath, args, {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", ...env },
  });
  children.push(child);
  child.on("exit", (code) => code && log(`${name} exited with ${code}`));
  return child;
}

async function waitFor(url, headers) {
  for (let i = 0; i < 600; i++) {
    try {
      const res = await fetch(url, { headers });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer`);
}

/** utime + stime of the process and its descendants, in ms. */
function cpuMs(rootPid) {
  const stats = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const s = readFileSync(`/proc/${entry}/stat`, "utf8");
      const f = s.slice(s.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(entry), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {}
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop();
    total += stats.get(pid)?.ticks ?? 0;
    for (const [p, s] of stats) if (s.ppid === pid) stack.push(p);
  }
  return (total * 1000) / CLK_TCK;
}

async function createDatabase(name, url) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  run("npx", ["tsx", "scripts/db.ts", "deploy"], { DATABASE_URL: url, AUTH_SECRET: secret });
}

/**
 * One workspace, its owner, a channel with `postCount` posts (5 comments each), a token and a session, through
 * `db.query(sql, params)` (a pg client or a PGlite instance: the same SQL on both).
 */
async function seedWorkspace(db) {
  const id = (p) => `${p}${randomBytes(8).toString("hex")}`;
  const [userId, workspaceId, channelId, tokenId] = [id("u"), id("w"), id("c"), id("t")];
  await db.query(
    `INSERT INTO "User" ("id", "email", "name", "handle", "emailVerifiedAt", "updatedAt") VALUES ($1, 'bench@example.test', 'Bench', 'bench', now(), now())`,
    [userId],
  );
  await db.query(`INSERT INTO "Workspace" ("id", "name", "slug") VALUES ($1, 'Bench', 'bench')`, [workspaceId]);
  await db.query(`INSERT INTO "Membership" ("id", "workspaceId", "userId", "role") VALUES ($1, $2, $3, 'OWNER')`, [
    id("m"),
    workspaceId,
    userId,
  ]);
  await db.query(
    `INSERT INTO "Channel" ("id", "workspaceId", "name", "kind", "createdById") VALUES ($1, $2, 'general', 'PUBLIC', $3)`,
    [channelId, workspaceId, userId],
  );
  await db.query(
    `INSERT INTO "Post" ("id", "workspaceId", "channelId", "authorId", "title", "body", "createdAt")
     SELECT 'p' || g, $1, $2, $3, 'Post ' || g, 'Some **Markdown** with a [link](https://example.com).',
       now() - make_interval(secs => g) FROM generate_series(1, $4::int) g`,
    [workspaceId, channelId, userId, postCount],
  );
  await db.query(
    `INSERT INTO "Comment" ("id", "postId", "authorId", "body")
     SELECT 'k' || g, 'p' || (1 + g % $2::int), $1, 'A comment' FROM generate_series(1, $2::int * 5) g`,
    [userId, postCount],
  );
  const token = `tid_${randomBytes(32).toString("base64url")}`;
  await db.query(
    `INSERT INTO "ApiToken" ("id", "workspaceId", "userId", "name", "prefix", "tokenHash", "scopes")
     VALUES ($1, $2, $3, 'bench', $4, $5, ARRAY['posts:read', 'posts:write'])`,
    [tokenId, workspaceId, userId, token.slice(0, 10), createHash("sha256").update(token).digest("hex")],
  );
  const sessionId = id("s");
  await db.query(
    `INSERT INTO "Session" ("id", "userId", "device", "clientAddress") VALUES ($1, $2, 'bench', '127.0.0.0/24')`,
    [sessionId, userId],
  );
  await db.query("ANALYZE");
  // A session cookie as Auth.js writes it (lib/auth/next-auth.ts: the claims in the encrypted JWT).
  const cookieName = "authjs.session-token";
  const jwt = await encode({
    token: { sub: userId, claims: { uid: userId, sid: sessionId, cv: 0, ws: { [workspaceId]: "OWNER" } } },
    secret,
    salt: cookieName,
  });
  return { userId, workspaceId, channelId, token, cookie: `${cookieName}=${jwt}` };
}

/** The rest of a big installation, all outside the benched channel: 10 other channels, their posts and comments. */
async function seedElsewhere(db, w) {
  await db.query(
    `INSERT INTO "Channel" ("id", "workspaceId", "name", "kind", "createdById")
     SELECT 'oc' || g, $1, 'other-' || g, 'PUBLIC', $2 FROM generate_series(1, 10) g`,
    [w.workspaceId, w.userId],
  );
  await db.query(
    `INSERT INTO "Post" ("id", "workspaceId", "channelId", "authorId", "title", "body", "createdAt")
     SELECT 'op' || g, $1, 'oc' || (1 + g % 10), $2, 'Other post ' || g, 'Elsewhere.', now() - make_interval(secs => g)
     FROM generate_series(1, $3::int) g`,
    [w.workspaceId, w.userId, scalePosts],
  );
  await db.query(
    `INSERT INTO "Comment" ("id", "postId", "authorId", "body", "createdAt")
     SELECT 'oq' || g, 'op' || (1 + g % $2::int), $1, 'A comment elsewhere', now() - make_interval(secs => g)
     FROM generate_series(1, $3::int) g`,
    [w.userId, scalePosts, scaleComments],
  );
  await db.query("ANALYZE");
}

async function withPg(url, fn) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

async function seed() {
  await createDatabase(dbName, dbUrl);
  const seeded = { main: await withPg(dbUrl, seedWorkspace) };
  if (scale) {
    await createDatabase(bigDbName, bigDbUrl);
    log(`seeding ${scalePosts} posts and ${scaleComments} comments in other channels…`);
    const started = Date.now();
    seeded.big = await withPg(bigDbUrl, async (db) => {
      const w = await seedWorkspace(db);
      await seedElsewhere(db, w);
      return w;
    });
    log(`seeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
  if (pgliteDir) {
    // Migrated by the app's own migrator, then the same seed SQL through PGlite itself (the server is not up yet:
    // PGlite is one process's database).
    run("npx", ["tsx", "scripts/db.ts", "deploy"], { DATABASE_URL: "", PGLITE_DATA_DIR: pgliteDir });
    const { PGlite } = await import("@electric-sql/pglite");
    const lite = new PGlite(pgliteDir);
    try {
      seeded.embedded = await seedWorkspace(lite);
    } finally {
      await lite.close();
    }
    // The other build reads the same rows (and the same token) from its own copy: PGlite is one process's database.
    if (pgliteOtherDir) cpSync(pgliteDir, pgliteOtherDir, { recursive: true });
  }
  return seeded;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const tidingsEnv = (port) => ({
  AUTH_SECRET: secret,
  APP_URL: `http://127.0.0.1:${port}`,
  RATE_LIMIT_API_PER_MINUTE: "100000",
  LOG_LEVEL: "warn",
  SERVER_TIMING: "on",
});

async function main() {
  const modes = [scale && "scale", embeddedArm && "embedded"].filter(Boolean).join(", ") || "standard";
  log(`database ${dbName}, ${postCount} posts, ${rounds} rounds × ${duration}s per arm and case, modes: ${modes}`);
  const seeded = await seed();
  const w = seeded.main;
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    log("building Tidings and the bare Next.js app…");
    run("npm", ["run", "build"], { DATABASE_URL: dbUrl, AUTH_SECRET: secret });
    run(process.execPath, [nextBin, "build", "bench/http/bare-next"]);
  }
  const ports = {
    tidings: basePort,
    bareNext: basePort + 1,
    bareNode: basePort + 2,
    tidingsBig: basePort + 3,
    tidingsEmbedded: basePort + 4,
    tidingsOther: basePort + 5,
    tidingsEmbeddedOther: basePort + 6,
  };
  const profile = cpuProfDir ? ["--cpu-prof", "--cpu-prof-dir", cpuProfDir] : [];
  const nextStart = (port) => [nextBin, "start", "--port", String(port)];
  const servers = {
    tidings: start("tidings", [...profile, ...nextStart(ports.tidings)], {
      ...tidingsEnv(ports.tidings),
      DATABASE_URL: dbUrl,
    }),
    bareNext: start("bare-next", [nextBin, "start", "bench/http/bare-next", "--port", String(ports.bareNext)], {
      BENCH_DATABASE_URL: dbUrl,
    }),
    bareNode: start("bare-node", [path.join(root, "bench/http/bare-node.mjs")], {
      BENCH_DATABASE_URL: dbUrl,
      PORT: String(ports.bareNode),
    }),
  };
  if (abDir) {
    servers.tidingsOther = start(
      "tidings (other build)",
      [path.join(abDir, "node_modules/next/dist/bin/next"), "start", "--port", String(ports.tidingsOther)],
      { ...tidingsEnv(ports.tidingsOther), DATABASE_URL: dbUrl },
      abDir,
    );
  }
  if (seeded.big) {
    servers.tidingsBig = start("tidings (big database)", nextStart(ports.tidingsBig), {
      ...tidingsEnv(ports.tidingsBig),
      DATABASE_URL: bigDbUrl,
    });
  }
  if (seeded.embedded) {
    servers.tidingsEmbedded = start("tidings (PGlite)", [...profile, ...nextStart(ports.tidingsEmbedded)], {
      ...tidingsEnv(ports.tidingsEmbedded),
      DATABASE_URL: "",
      PGLITE_DATA_DIR: pgliteDir,
    });
  }
  if (seeded.embedded && pgliteOtherDir) {
    servers.tidingsEmbeddedOther = start(
      "tidings (PGlite, other build)",
      [path.join(abDir, "node_modules/next/dist/bin/next"), "start", "--port", String(ports.tidingsEmbeddedOther)],
      { ...tidingsEnv(ports.tidingsEmbeddedOther), DATABASE_URL: "", PGLITE_DATA_DIR: pgliteOtherDir },
      abDir,
    );
  }
  if (cpuProfDir) {
    const profiled = [servers.tidings, servers.tidingsEmbedded].filter(Boolean).map((s) => s.pid);
    log(`CPU profiles in ${cpuProfDir}: PostgreSQL server pid ${profiled[0]}, PGlite server pid ${profiled[1] ?? "—"}`);
  }
  const apiList = (x) => `/api/v1/workspaces/${x.workspaceId}/channels/${x.channelId}/posts?limit=25`;
  const bareList = `/posts?limit=25&channelId=${w.channelId}&workspaceId=${w.workspaceId}&userId=${w.userId}`;
  const postBody = JSON.stringify({
    title: "Benchmark post",
    body: "Some **Markdown** with a [link](https://example.com).",
  });
  const bareBody = JSON.stringify({
    ...JSON.parse(postBody),
    workspaceId: w.workspaceId,
    channelId: w.channelId,
    authorId: w.userId,
  });
  const json = { "content-type": "application/json" };
  const bearer = (x) => ({ authorization: `Bearer ${x.token}` });
  const arms = {
    "tidings token": { server: "tidings", path: apiList(w), headers: bearer(w) },
    "tidings cookie": { server: "tidings", path: apiList(w), headers: { cookie: w.cookie } },
    "bare next": { server: "bareNext", path: bareList, headers: {} },
    "bare node": { server: "bareNode", path: bareList, headers: {} },
    "tidings create": {
      server: "tidings",
      path: `/api/v1/workspaces/${w.workspaceId}/channels/${w.channelId}/posts`,
      method: "POST",
      headers: { ...bearer(w), ...json },
      body: postBody,
    },
    "bare node insert": { server: "bareNode", path: "/posts", method: "POST", headers: json, body: bareBody },
  };
  if (abDir) {
    for (const name of ["tidings token", "tidings cookie", "tidings create"]) {
      arms[`${name}, other build`] = { ...arms[name], server: "tidingsOther" };
    }
  }
  if (seeded.big) {
    arms[`tidings token, ${postCount} posts`] = arms["tidings token"];
    arms[`tidings token, + ${scalePosts} posts elsewhere`] = {
      server: "tidingsBig",
      path: apiList(seeded.big),
      headers: bearer(seeded.big),
    };
  }
  if (seeded.embedded) {
    arms["tidings token, PGlite"] = {
      server: "tidingsEmbedded",
      path: apiList(seeded.embedded),
      headers: bearer(seeded.embedded),
    };
    if (pgliteOtherDir) {
      arms["tidings token, PGlite, other build"] = { ...arms["tidings token, PGlite"], server: "tidingsEmbeddedOther" };
    }
  }
  const readArms = ["tidings token", "tidings cookie", "bare next", "bare node"];
  if (abDir) readArms.push("tidings token, other build", "tidings cookie, other build");
  const embeddedArms = ["tidings token, PGlite"];
  if (pgliteOtherDir) embeddedArms.push("tidings token, PGlite, other build");
  if (seeded.embedded) readArms.push(...embeddedArms);
  const cases = [];
  if (only.has("read")) {
    cases.push({ name: "list 25 posts, c=1", connections: 1, arms: readArms });
    cases.push({ name: "list 25 posts, c=16", connections: 16, arms: readArms });
  }
  if (only.has("create")) {
    const createArms = ["tidings create", "bare node insert"];
    if (abDir) createArms.push("tidings create, other build");
    cases.push({ name: "create a post, c=1", connections: 1, arms: createArms });
  }
  if (seeded.big) {
    cases.push({
      name: "list 25 posts at scale, c=1",
      connections: 1,
      arms: [`tidings token, ${postCount} posts`, `tidings token, + ${scalePosts} posts elsewhere`],
    });
  }
  if (seeded.embedded && !only.has("read")) {
    cases.push({ name: "list 25 posts, c=1", connections: 1, arms: ["tidings token", ...embeddedArms] });
    cases.push({ name: "list 25 posts, c=16", connections: 16, arms: ["tidings token", ...embeddedArms] });
  }
  if (cases.length === 0) throw new Error(`BENCH_CASES=${[...only].join(",")}: no case to run (read, create)`);
  const used = new Set(cases.flatMap((c) => c.arms));
  const url = (a) => `http://127.0.0.1:${ports[a.server]}${a.path}`;
  await Promise.all(
    Object.values(arms)
      .filter((a) => !a.method)
      .map((a) => waitFor(url(a), a.headers)),
  );
  // Statements per request, from Tidings' Server-Timing header (the bare arms send one statement by construction).
  const statements = {};
  for (const name of used) {
    const a = arms[name];
    // The third call's count: the first two warm the actor cache (a token's grant is stored from its second call).
    for (let i = 0; i < 3; i++) {
      const res = await fetch(url(a), { method: a.method ?? "GET", headers: a.headers, body: a.body });
      if (res.status >= 300) throw new Error(`${name}: ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
      const st = /sql;desc="(\d+) statements"/.exec(res.headers.get("server-timing") ?? "");
      statements[name] = st ? Number(st[1]) : 1;
    }
  }
  const fire = (a, connections, seconds) =>
    autocannon({
      url: url(a),
      connections,
      duration: seconds,
      method: a.method ?? "GET",
      headers: a.headers,
      body: a.body,
    });
  log("warming up…");
  for (const c of cases) for (const name of c.arms) await fire(arms[name], c.connections, 1);
  const results = {};
  for (let r = 0; r < rounds; r++) {
    for (const c of cases) {
      const order = c.arms.map((_, i) => c.arms[(i + r) % c.arms.length]);
      for (const name of order) {
        const a = arms[name];
        const pid = servers[a.server].pid;
        const before = cpuMs(pid);
        const res = await fire(a, c.connections, duration);
        const cpu = cpuMs(pid) - before;
        const ok = res.requests.total - res.non2xx - res.errors;
        if (res.non2xx || res.errors) log(`${c.name} ${name}: ${res.non2xx} non-2xx, ${res.errors} errors`);
        const k = `${c.name}|${name}`;
        (results[k] ??= []).push({
          rps: ok / duration,
          p50: res.latency.p50,
          p99: res.latency.p99,
          mean: (duration * 1000 * c.connections) / Math.max(1, ok),
          cpu: cpu / Math.max(1, ok),
        });
      }
      log(`round ${r + 1}/${rounds}: ${c.name} done`);
    }
  }
  console.log(
    `\nMedians of ${rounds} interleaved rounds, ${duration}s each (${new Date().toISOString().slice(0, 10)}, node ${process.version})\n`,
  );
  const rows = [["case", "arm", "req/s", "p50 ms", "p99 ms", "CPU ms/req", "SQL/req", "× bare next", "× bare node"]];
  const medians = {};
  for (const c of cases) {
    const m = Object.fromEntries(
      c.arms.map((name) => {
        const rs = results[`${c.name}|${name}`];
        const pick = (f) => median(rs.map(f));
        return [
          name,
          {
            rps: pick((x) => x.rps),
            p50: pick((x) => x.p50),
            p99: pick((x) => x.p99),
            mean: pick((x) => x.mean),
            cpu: pick((x) => x.cpu),
          },
        ];
      }),
    );
    medians[c.name] = m;
    const nextRps = m["bare next"]?.rps;
    const nodeRps = (m["bare node"] ?? m["bare node insert"])?.rps;
    for (const name of c.arms) {
      const x = m[name];
      rows.push([
        c.name,
        name,
        x.rps.toFixed(0),
        x.p50.toFixed(1),
        x.p99.toFixed(1),
        x.cpu.toFixed(2),
        String(statements[name]),
        nextRps ? (x.rps / nextRps).toFixed(2) : "—",
        nodeRps ? (x.rps / nodeRps).toFixed(2) : "—",
      ]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows) console.log("| " + r.map((v, i) => v.padEnd(widths[i])).join(" | ") + " |");
  const ratio = (a, b) => (a / b).toFixed(2);
  const summary = [];
  const create = medians["create a post, c=1"];
  if (create) {
    summary.push(
      `create: Tidings ÷ node:http INSERT req/s = ${ratio(create["tidings create"].rps, create["bare node insert"].rps)} (goal ≥ 0.2); Tidings CPU ${create["tidings create"].cpu.toFixed(1)} ms per create`,
    );
  }
  const big = medians["list 25 posts at scale, c=1"];
  if (big) {
    const [small, large] = [
      big[`tidings token, ${postCount} posts`],
      big[`tidings token, + ${scalePosts} posts elsewhere`],
    ];
    summary.push(
      `scale: list at +${scalePosts} posts / +${scaleComments} comments elsewhere ÷ at ${postCount} posts: p50 ${ratio(large.p50, small.p50)}, mean latency ${ratio(large.mean, small.mean)} (goal ≤ 1.2)`,
    );
  }
  if (seeded.embedded) {
    for (const arm of embeddedArms) {
      const parts = ["list 25 posts, c=1", "list 25 posts, c=16"].map((name) => {
        const m = medians[name];
        return `${name.slice(-4)} ${ratio(m[arm].rps, m["tidings token"].rps)}`;
      });
      const which = arm.endsWith("other build") ? " (other build's PGlite ÷ this build's PostgreSQL)" : "";
      summary.push(`embedded${which}: PGlite ÷ PostgreSQL read req/s (token): ${parts.join(", ")} (goal ≥ 0.7)`);
    }
  }
  if (summary.length) console.log("\n" + summary.join("\n"));
}

main()
  .then(async () => {
    await cleanup();
    process.exit(0);
  })
  .catch(async (error) => {
    console.error(error);
    await cleanup();
    process.exit(1);
  });
