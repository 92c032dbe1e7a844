// npm run bench:http — Tidings against two bare baselines, from outside, over HTTP, on PostgreSQL.
// Builds the app and a bare Next.js route app, seeds a throwaway database, starts the three servers (Tidings,
// bare Next.js route + pg, node:http + pg), drives them with autocannon in interleaved rounds (arm order rotated
// each round, so a noisy neighbour hits every arm alike), and prints medians of req/s, p50/p99, server CPU per
// request (from /proc/<pid>/stat, the server's whole process tree), SQL statements per request and the ratios.
// Bounded: BENCH_TIMEOUT_S (default 900) stops everything. Env: BENCH_POSTGRES_URL (admin URL, default
// TEST_POSTGRES_URL or postgresql://postgres@127.0.0.1:5432/postgres), BENCH_ROUNDS (3), BENCH_DURATION_S (4),
// BENCH_PORT (3300; uses three ports from it), BENCH_SKIP_BUILD=1 (reuse the last builds), BENCH_POSTS (200).
import { spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
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
const postCount = Number(process.env.BENCH_POSTS ?? 200);
const timeoutS = Number(process.env.BENCH_TIMEOUT_S ?? 900);
const secret = randomBytes(32).toString("hex");
const dbName = `tidings_bench_${randomBytes(5).toString("hex")}`;
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const children = [];
const CLK_TCK = Number(spawnSync("getconf", ["CLK_TCK"]).stdout.toString().trim() || 100);
const log = (...a) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

async function cleanup() {
  for (const c of children) {
    try {
      process.kill(-c.pid, "SIGTERM");
    } catch {}
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect().catch(() => {});
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => {});
  await admin.end().catch(() => {});
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

function start(name, args, env) {
  const child = spawn(process.execPath, args, {
    cwd: root,
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

async function seed() {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  run("npx", ["tsx", "scripts/db.ts", "deploy"], { DATABASE_URL: dbUrl, AUTH_SECRET: secret });
  const db = new pg.Client({ connectionString: dbUrl });
  await db.connect();
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
  await db.end();
  // A session cookie as Auth.js writes it (lib/auth/next-auth.ts: the claims in the encrypted JWT).
  const cookieName = "authjs.session-token";
  const jwt = await encode({
    token: { sub: userId, claims: { uid: userId, sid: sessionId, cv: 0, ws: { [workspaceId]: "OWNER" } } },
    secret,
    salt: cookieName,
  });
  return { userId, workspaceId, channelId, token, cookie: `${cookieName}=${jwt}` };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  log(`database ${dbName}, ${postCount} posts, ${rounds} rounds × ${duration}s per arm and case`);
  const w = await seed();
  if (process.env.BENCH_SKIP_BUILD !== "1") {
    log("building Tidings and the bare Next.js app…");
    run("npm", ["run", "build"], { DATABASE_URL: dbUrl, AUTH_SECRET: secret });
    run(process.execPath, [nextBin, "build", "bench/http/bare-next"]);
  }
  const ports = { tidings: basePort, bareNext: basePort + 1, bareNode: basePort + 2 };
  const servers = {
    tidings: start("tidings", [nextBin, "start", "--port", String(ports.tidings)], {
      DATABASE_URL: dbUrl,
      AUTH_SECRET: secret,
      APP_URL: `http://127.0.0.1:${ports.tidings}`,
      RATE_LIMIT_API_PER_MINUTE: "100000",
      LOG_LEVEL: "warn",
      SERVER_TIMING: "on",
    }),
    bareNext: start("bare-next", [nextBin, "start", "bench/http/bare-next", "--port", String(ports.bareNext)], {
      BENCH_DATABASE_URL: dbUrl,
    }),
    bareNode: start("bare-node", [path.join(root, "bench/http/bare-node.mjs")], {
      BENCH_DATABASE_URL: dbUrl,
      PORT: String(ports.bareNode),
    }),
  };
  const apiList = `/api/v1/workspaces/${w.workspaceId}/channels/${w.channelId}/posts?limit=25`;
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
  const arms = {
    "tidings token": { server: "tidings", path: apiList, headers: { authorization: `Bearer ${w.token}` } },
    "tidings cookie": { server: "tidings", path: apiList, headers: { cookie: w.cookie } },
    "bare next": { server: "bareNext", path: bareList, headers: {} },
    "bare node": { server: "bareNode", path: bareList, headers: {} },
    "tidings create": {
      server: "tidings",
      path: `/api/v1/workspaces/${w.workspaceId}/channels/${w.channelId}/posts`,
      method: "POST",
      headers: { authorization: `Bearer ${w.token}`, ...json },
      body: postBody,
    },
    "bare node insert": { server: "bareNode", path: "/posts", method: "POST", headers: json, body: bareBody },
  };
  const cases = [
    { name: "list 25 posts, c=1", connections: 1, arms: ["tidings token", "tidings cookie", "bare next", "bare node"] },
    {
      name: "list 25 posts, c=16",
      connections: 16,
      arms: ["tidings token", "tidings cookie", "bare next", "bare node"],
    },
    { name: "create a post, c=1", connections: 1, arms: ["tidings create", "bare node insert"] },
  ];
  const url = (a) => `http://127.0.0.1:${ports[a.server]}${a.path}`;
  await Promise.all(
    Object.values(arms)
      .filter((a) => !a.method)
      .map((a) => waitFor(url(a), a.headers)),
  );
  // Statements per request, from Tidings' Server-Timing header (the bare arms send one statement by construction).
  const statements = {};
  for (const [name, a] of Object.entries(arms)) {
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
  for (const c of cases) {
    const m = Object.fromEntries(
      c.arms.map((name) => {
        const rs = results[`${c.name}|${name}`];
        return [
          name,
          {
            rps: median(rs.map((x) => x.rps)),
            p50: median(rs.map((x) => x.p50)),
            p99: median(rs.map((x) => x.p99)),
            cpu: median(rs.map((x) => x.cpu)),
          },
        ];
      }),
    );
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
