// The crash test's hands inside the database (run with tsx, the server stopped for the embedded database):
//   seed    → migrates, creates an owner with a workspace and an API token, and a member to @mention; prints JSON
//   inspect → prints the posts, invites, mails and outbox rows as JSON
import { createRequire } from "node:module";
import path from "node:path";

// lib modules are marked `server-only`, which throws outside React Server Components; this script is server code.
const require = createRequire(path.resolve("package.json"));
const serverOnly = require.resolve("server-only");
require.cache[serverOnly] = { id: serverOnly, filename: serverOnly, loaded: true, exports: {} } as NodeJS.Module;

async function seed() {
  const { env } = await import("../../lib/env");
  if (env.DATABASE_URL) {
    const { deployMigrations, postgresMigrationFactory } = await import("../../lib/data/db/migrate");
    await deployMigrations(await postgresMigrationFactory(env.DATABASE_URL));
  }
  const { getDb } = await import("../../lib/data/db/client");
  const { signUp } = await import("../../lib/domain/users/sign-up");
  const { createWorkspace } = await import("../../lib/domain/workspaces/create-workspace");
  const { createApiToken } = await import("../../lib/domain/tokens/manage-tokens");
  const { loadClaims, sessionActor } = await import("../../lib/auth/claims");
  const { scopes } = await import("../../lib/validation/enums");
  const { created: owner } = await signUp({
    name: "Crash Owner",
    email: "owner@crash.test",
    password: "Crash test owner 7Qv!x9",
  });
  const { created: mentioned } = await signUp({
    name: "Mentioned Person",
    email: "mentioned@crash.test",
    password: "Crash test mentioned 7Qv!x9",
  });
  if (!owner || !mentioned) throw new Error("crash fixture: the database already holds its users");
  const actor = () => loadClaims(owner.id, "direct-domain-call").then((c) => sessionActor(c!));
  const workspace = await createWorkspace(await actor(), { name: "Crash" });
  const db = await getDb();
  await db.membership.create({ data: { workspaceId: workspace.id, userId: mentioned.id, role: "MEMBER" } });
  const channels = await db.channel.findMany({ where: { workspaceId: workspace.id }, select: { id: true } });
  await db.channelMember.createMany({ data: channels.map((c) => ({ channelId: c.id, userId: mentioned.id })) });
  const token = await createApiToken(await actor(), workspace.id, { name: "crash", scopes: [...scopes] });
  return { workspaceId: workspace.id, channelId: channels[0]!.id, token: token.token, mentionHandle: mentioned.handle };
}

async function inspect() {
  const { getDb } = await import("../../lib/data/db/client");
  const db = await getDb();
  return {
    posts: await db.post.findMany({ select: { id: true, title: true } }),
    invites: await db.invite.findMany({ select: { id: true, email: true } }),
    mentions: await db.mention.findMany({ select: { id: true, postId: true } }),
    mails: await db.mailMessage.findMany({ select: { to: true, subject: true, idempotencyKey: true } }),
    outbox: await db.outboxEvent.findMany({ select: { id: true, name: true, status: true, attempts: true } }),
  };
}

async function main() {
  const result = process.argv[2] === "seed" ? await seed() : await inspect();
  const { closeDb } = await import("../../lib/data/db/client");
  await closeDb();
  console.log(`RESULT ${JSON.stringify(result)}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
