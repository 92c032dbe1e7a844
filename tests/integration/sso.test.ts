// Single sign-on through the real next-auth code: a real OpenID Connect provider on 127.0.0.1 (oidc-provider) and a
// local fake of GitHub's OAuth and user endpoints. Which account an identity signs in as, and every refusal.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

const { oidc, github } = await vi.hoisted(async () => {
  const { startOidcProvider } = await import("../fakes/oidc-provider");
  const { startGitHubFake } = await import("../fakes/github-fake");
  const origin = process.env.APP_URL ?? "http://127.0.0.1:3999";
  const started = {
    oidc: await startOidcProvider({
      clientId: "tidings-test",
      clientSecret: "oidc-test-secret",
      redirectUris: [`${origin}/api/auth/callback/oidc`],
    }),
    github: await startGitHubFake({ clientId: "gh-test-client", clientSecret: "gh-test-secret" }),
  };
  process.env.AUTH_OIDC_ISSUER = started.oidc.issuer;
  process.env.AUTH_OIDC_ID = "tidings-test";
  process.env.AUTH_OIDC_SECRET = "oidc-test-secret";
  process.env.AUTH_OIDC_NAME = "Acme SSO";
  process.env.AUTH_GITHUB_ID = "gh-test-client";
  process.env.AUTH_GITHUB_SECRET = "gh-test-secret";
  process.env.AUTH_GITHUB_ENTERPRISE_URL = started.github.url;
  return started;
});
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { LINK_INTENT_COOKIE } from "@/lib/auth/provider-sign-in";
import { actorFromRequest } from "@/lib/auth/resolve-actor";
import { listMyIdentities, unlinkMyIdentity } from "@/lib/domain/accounts/manage-identities";
import { api } from "../support/api";
import { ORIGIN } from "../support/auth-js";
import { useEmbeddedRuntime } from "../support/background";
import { authorizeAtGitHub, finishProviderSignIn, Jar, logInAtOidcProvider, startProviderSignIn } from "../support/sso";
import { createUser, createWorkspaceWithOwner, sessionCookie } from "../factories";

// The first request migrates the in-memory database, which can outlast a test's timeout on a busy machine.
beforeAll(async () => {
  await getDb();
}, 120_000);

let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeEach(() => {
  runtime = useEmbeddedRuntime();
});
afterEach(() => runtime.uninstall());
afterAll(async () => {
  await oidc.close();
  await github.close();
});

const tag = () => randomBytes(4).toString("hex");
const works = async (cookie: string | null) => (await api("GET", "/api/v1/workspaces", { cookie })).status;
const actorOf = (cookie: string) => actorFromRequest(new Request(`${ORIGIN}/`, { headers: { cookie } }));

/** A full sign-in with the OIDC provider as `login`; returns the browser's jar and where Tidings sent it. */
async function oidcSignIn(login: string, jar = new Jar(), callbackUrl?: string) {
  const authorize = await startProviderSignIn(jar, "oidc", callbackUrl);
  expect(authorize.startsWith(`${oidc.issuer}/`)).toBe(true);
  const back = await logInAtOidcProvider(authorize, login);
  return { jar, ...(await finishProviderSignIn(jar, back)) };
}

async function gitHubSignIn(login: string, jar = new Jar()) {
  const authorize = await startProviderSignIn(jar, "github", `${ORIGIN}/settings`);
  expect(authorize.startsWith(`${github.url}/login/oauth/authorize?`)).toBe(true);
  const back = await authorizeAtGitHub(authorize, login);
  return { jar, ...(await finishProviderSignIn(jar, back)) };
}

function oidcPerson(over: Partial<{ email: string; emailVerified: boolean; name: string }> = {}) {
  const t = tag();
  const person = {
    login: `login-${t}`,
    email: over.email ?? `sso-${t}@example.test`,
    emailVerified: over.emailVerified ?? true,
    name: over.name ?? `Sso Person ${t}`,
  };
  oidc.addPerson(person);
  return person;
}

const accountsOf = async (userId: string) =>
  (await getDb()).account.findMany({ where: { userId }, select: { provider: true, providerAccountId: true } });

describe("sign in with the company's OpenID Connect provider", () => {
  it("a new person: an account is made with the verified address, the session works, no verification email", async () => {
    const person = oidcPerson();
    const { jar, status, location } = await oidcSignIn(person.login);
    expect(status).toBe(302);
    expect(location.pathname).toBe("/w");
    const cookie = jar.session();
    expect(await works(cookie)).toBe(200);
    const user = await (
      await getDb()
    ).user.findUniqueOrThrow({
      where: { email: person.email },
      select: { id: true, name: true, passwordHash: true, emailVerifiedAt: true },
    });
    expect(user).toMatchObject({ name: person.name, passwordHash: null });
    expect(user.emailVerifiedAt).not.toBeNull();
    expect(await accountsOf(user.id)).toEqual([{ provider: "oidc", providerAccountId: person.login }]);
    expect((await actorOf(cookie ?? ""))?.userId).toBe(user.id);
    await runtime.drain();
    expect((await listMailTo(await getDb(), person.email)).map((m) => m.subject)).not.toContain(
      "Confirm your email address",
    );

    // Signing in again is the same person, with a new session record.
    const again = await oidcSignIn(person.login);
    expect((await actorOf(again.jar.session() ?? ""))?.userId).toBe(user.id);
    expect(await (await getDb()).session.count({ where: { userId: user.id, endedAt: null } })).toBe(2);
  });

  it("a verified provider address matching a verified account joins it, and its owner is emailed", async () => {
    const owner = await createUser();
    await (await getDb()).user.update({ where: { id: owner.id }, data: { emailVerifiedAt: new Date() } });
    const person = oidcPerson({ email: owner.email.toUpperCase() });
    const { jar, location } = await oidcSignIn(person.login);
    expect(location.pathname).toBe("/w");
    expect((await actorOf(jar.session() ?? ""))?.userId).toBe(owner.id);
    expect(await accountsOf(owner.id)).toEqual([{ provider: "oidc", providerAccountId: person.login }]);
    await runtime.drain();
    const subjects = (await listMailTo(await getDb(), owner.email)).map((m) => m.subject);
    expect(subjects).toContain("Acme SSO was linked to your Tidings account");
  });

  it("refuses an unverified provider address that matches an account: no session, no link, a clear message", async () => {
    const owner = await createUser();
    await (await getDb()).user.update({ where: { id: owner.id }, data: { emailVerifiedAt: new Date() } });
    const person = oidcPerson({ email: owner.email, emailVerified: false });
    const { jar, status, location } = await oidcSignIn(person.login);
    expect(status).toBe(302);
    expect(location.pathname).toBe("/signin");
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: "unverified-email-match", provider: "oidc" });
    expect(jar.session()).toBeNull();
    expect(await accountsOf(owner.id)).toEqual([]);
    expect(await (await getDb()).account.count({ where: { providerAccountId: person.login } })).toBe(0);
  });

  it("refuses a verified provider address when the account never verified it (whoever signed up with it may not own it)", async () => {
    const owner = await createUser(); // not verified
    const person = oidcPerson({ email: owner.email });
    const { jar, location } = await oidcSignIn(person.login);
    expect(location.searchParams.get("error")).toBe("unverified-email-match");
    expect(jar.session()).toBeNull();
    expect(await accountsOf(owner.id)).toEqual([]);
  });

  it("an invite accepted through a provider sign-in lands in the invited workspace", async () => {
    const { cookie: ownerCookie, workspace } = await createWorkspaceWithOwner();
    const person = oidcPerson();
    const created = await api("POST", `/api/v1/workspaces/${workspace.id}/invites`, {
      cookie: ownerCookie,
      body: { email: person.email, role: "MEMBER" },
    });
    expect(created.status).toBe(201);
    await runtime.drain();
    const mail = (await listMailTo(await getDb(), person.email)).find((m) => m.subject.includes("invited you"));
    const token = /[?&]token=([A-Za-z0-9_-]+)/.exec(mail?.text ?? "")?.[1] ?? "";
    const { jar, location } = await oidcSignIn(person.login, new Jar(), `${ORIGIN}/invite?token=${token}`);
    expect(`${location.pathname}${location.search}`).toBe(`/invite?token=${token}`);
    const accepted = await api("POST", `/api/v1/workspaces/${workspace.id}/invites/accept`, {
      cookie: jar.session(),
      body: { token },
    });
    expect(accepted.status).toBe(200);
    expect(accepted.json.data).toMatchObject({ workspaceId: workspace.id, role: "MEMBER" });
  });
});

describe("GitHub (through the fake of its OAuth and user endpoints)", () => {
  const ghPerson = (over: { emails?: { email: string; primary: boolean; verified: boolean }[] } = {}) => {
    const t = tag();
    const person = {
      login: `octo-${t}`,
      id: Number.parseInt(t, 16),
      name: `Octo ${t}`,
      publicEmail: null,
      emails: over.emails ?? [{ email: `octo-${t}@example.test`, primary: true, verified: true }],
    };
    github.addPerson(person);
    return person;
  };

  it("linked from settings (any address), kept on the same session; then signs in as that person on its own", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const me = await actorOf(cookie);
    const person = ghPerson({ emails: [{ email: "someone-else@example.test", primary: true, verified: false }] });
    const jar = new Jar(cookie);
    jar.set(LINK_INTENT_COOKIE, me?.sessionId ?? "");
    const linked = await gitHubSignIn(person.login, jar);
    expect(linked.location.pathname).toBe("/settings");
    expect(await accountsOf(user.id)).toEqual([{ provider: "github", providerAccountId: String(person.id) }]);
    expect((await actorOf(jar.session() ?? ""))?.sessionId).toBe(me?.sessionId);
    await runtime.drain();
    expect((await listMailTo(await getDb(), user.email)).map((m) => m.subject)).toContain(
      "GitHub was linked to your Tidings account",
    );

    // Signed out (a fresh browser): GitHub alone signs in as the same person.
    const fresh = await gitHubSignIn(person.login);
    expect((await actorOf(fresh.jar.session() ?? ""))?.userId).toBe(user.id);
  });

  it("a link intent without its session (another browser's, or a stale one) links nothing", async () => {
    const victim = await createUser();
    const person = ghPerson();
    const jar = new Jar();
    jar.set(LINK_INTENT_COOKIE, "not-a-session");
    const { location } = await gitHubSignIn(person.login, jar);
    expect(location.pathname).toBe("/settings");
    expect(await accountsOf(victim.id)).toEqual([]);
    const made = await (await getDb()).user.findUniqueOrThrow({ where: { email: person.emails[0]?.email } });
    expect(await accountsOf(made.id)).toHaveLength(1);
  });

  it("an identity linked to someone else is not linked again from settings", async () => {
    const person = ghPerson();
    const first = await gitHubSignIn(person.login); // makes the GitHub person's own account
    expect(first.jar.session()).not.toBeNull();
    const other = await createUser();
    const cookie = await sessionCookie(other.id);
    const jar = new Jar(cookie);
    jar.set(LINK_INTENT_COOKIE, (await actorOf(cookie))?.sessionId ?? "");
    const { location } = await gitHubSignIn(person.login, jar);
    expect(location.pathname).toBe("/settings");
    expect(location.searchParams.get("error")).toBe("linked-elsewhere");
    expect(await accountsOf(other.id)).toEqual([]);
  });
});

describe("settings: linked identities", () => {
  it("lists them, and unlinks one but never the last way to sign in", async () => {
    const person = oidcPerson();
    const { jar } = await oidcSignIn(person.login);
    const actor = await actorOf(jar.session() ?? "");
    if (!actor) throw new Error("not signed in");
    const [identity] = await listMyIdentities(actor);
    expect(identity).toMatchObject({ provider: "oidc", email: person.email });
    await expect(unlinkMyIdentity(actor, identity?.id ?? "")).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringMatching(/only way to sign in/),
    });
    await (await getDb()).user.update({ where: { id: actor.userId }, data: { passwordHash: "set-elsewhere" } });
    await unlinkMyIdentity(actor, identity?.id ?? "");
    expect(await listMyIdentities(actor)).toEqual([]);
    await expect(unlinkMyIdentity(actor, identity?.id ?? "")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
