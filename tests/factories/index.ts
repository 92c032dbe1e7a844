// Builds data through the domain (the same code the app runs), and sessions the way Auth.js encodes them.
import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import { loadClaims } from "@/lib/auth/claims";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { channelsScope, forgetComputed } from "@/lib/data/cache/computed";
import { authSecret } from "@/lib/auth/secret";
import { startSession } from "@/lib/domain/sessions/sessions";
import { signUp } from "@/lib/domain/users/sign-up";
import { api } from "../support/api";

const COOKIE = "authjs.session-token";
const unique = () => randomBytes(4).toString("hex");

export type TestUser = { id: string; email: string; name: string; handle: string; password: string };

export async function createUser(
  overrides: Partial<{ name: string; email: string; password: string }> = {},
): Promise<TestUser> {
  const tag = unique();
  const input = {
    name: overrides.name ?? `Tester ${tag}`,
    email: overrides.email ?? `tester-${tag}@example.test`,
    password: overrides.password ?? "correct horse battery",
  };
  const { created: user } = await signUp(input);
  if (!user) throw new Error(`createUser: ${input.email} already has an account`);
  return { ...user, password: input.password };
}

/** A session cookie carrying the user's claims as they are now, with its session record (as after a fresh sign-in). */
export async function sessionCookie(
  userId: string,
  userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0",
): Promise<string> {
  const sessionId = await startSession(userId, { userAgent, address: "127.0.0.1" });
  const claims = await loadClaims(userId, sessionId);
  const token = await encode({ token: { sub: userId, claims }, secret: authSecret(), salt: COOKIE });
  return `${COOKIE}=${token}`;
}

/** A user with a workspace they own; returns the user's cookie and the workspace with its #general channel. */
export async function createWorkspaceWithOwner(name = `Team ${unique()}`) {
  const owner = await createUser();
  const cookie = await sessionCookie(owner.id);
  const ws = await api("POST", "/api/v1/workspaces", { cookie, body: { name } });
  if (ws.status !== 201) throw new Error(`workspace: ${ws.status} ${JSON.stringify(ws.json)}`);
  const channels = await api("GET", `/api/v1/workspaces/${ws.json.data.id}/channels`, { cookie });
  return {
    owner,
    cookie,
    workspace: ws.json.data as { id: string; slug: string; name: string },
    general: channels.json.data[0] as { id: string },
  };
}

/** Adds an existing user to a workspace with a role (what accepting an invite does). */
export async function addMember(workspaceId: string, userId: string, role: "ADMIN" | "MEMBER" | "GUEST") {
  const { getDb } = await import("@/lib/data/db/client");
  const db = await getDb();
  await db.membership.create({ data: { workspaceId, userId, role } });
  await db.user.update({ where: { id: userId }, data: { claimsVersion: { increment: 1 } } });
  // As acceptInvite does once it committed.
  await Promise.all([forgetActorsOf([userId]), forgetComputed([channelsScope(workspaceId)])]);
  if (role !== "GUEST") {
    const channels = await db.channel.findMany({
      where: { workspaceId, kind: { not: "PRIVATE" } },
      select: { id: true },
    });
    await db.channelMember.createMany({
      data: channels.map((c) => ({ channelId: c.id, userId })),
      skipDuplicates: true,
    });
  }
}

export async function memberOf(workspaceId: string, role: "ADMIN" | "MEMBER" | "GUEST") {
  const user = await createUser();
  await addMember(workspaceId, user.id, role);
  return { user, cookie: await sessionCookie(user.id) };
}
