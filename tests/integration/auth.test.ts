import { describe, expect, it } from "vitest";
import { forgetActorsOf } from "@/lib/data/cache/actors";
import { getDb } from "@/lib/data/db/client";
import { api } from "../support/api";
import { authGetFn, authPostFn, ORIGIN, setCookies, signInThroughAuthJs } from "../support/auth-js";
import { createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";

describe("sign-in through Auth.js", () => {
  it("issues a session cookie for the right password that the API accepts", async () => {
    const { workspace, owner } = await createWorkspaceWithOwner();
    const { res, cookie } = await signInThroughAuthJs(owner.email, owner.password);
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toBe(`${ORIGIN}/`);
    expect(cookie).not.toBeNull();

    const list = await api("GET", "/api/v1/workspaces", { cookie });
    expect(list.status).toBe(200);
    expect(list.json.data.map((w: { id: string }) => w.id)).toEqual([workspace.id]);
    expect(list.json.data[0].role).toBe("OWNER");

    // The session endpoint of Auth.js reads the same cookie.
    const session = await authGetFn(new Request(`${ORIGIN}/api/auth/session`, { headers: { cookie: cookie ?? "" } }));
    const body = (await session.json()) as { claims?: { uid: string; ws: Record<string, string> } };
    expect(body.claims?.uid).toBe(owner.id);
    expect(body.claims?.ws[workspace.id]).toBe("OWNER");
  });

  it("accepts the email in any case and with surrounding spaces", async () => {
    const user = await createUser();
    const { cookie } = await signInThroughAuthJs(`  ${user.email.toUpperCase()} `, user.password);
    expect(cookie).not.toBeNull();
    expect((await api("GET", "/api/v1/workspaces", { cookie })).status).toBe(200);
  });

  it.each([
    ["a wrong password", (u: { email: string; password: string }) => [u.email, `${u.password}x`]],
    ["an unknown email", (u: { email: string; password: string }) => [`nobody-${u.email}`, u.password]],
    ["an empty password", (u: { email: string; password: string }) => [u.email, ""]],
  ])("gives no session for %s", async (_, creds) => {
    const user = await createUser();
    const [email = "", password = ""] = creds(user);
    const { res, cookie } = await signInThroughAuthJs(email, password);
    expect(cookie).toBeNull();
    expect(res.status).toBe(302);
    expect(res.headers.get("location")).toMatch(/error=CredentialsSignin/);
  });

  it("refuses a sign-in POST without the CSRF cookie", async () => {
    const user = await createUser();
    const csrfRes = await authGetFn(new Request(`${ORIGIN}/api/auth/csrf`));
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await authPostFn(
      new Request(`${ORIGIN}/api/auth/callback/credentials`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ csrfToken, email: user.email, password: user.password }).toString(),
      }),
    );
    expect([...setCookies(res).keys()].some((n) => n.includes("session-token"))).toBe(false);
  });
});

describe("stale claims: the very next request sees the change", () => {
  it("a demoted admin loses admin rights with the same old cookie", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const base = `/api/v1/workspaces/${workspace.id}`;
    const before = await api("POST", `${base}/channels`, {
      cookie: admin.cookie,
      body: { name: "secret-1", kind: "PRIVATE" },
    });
    expect(before.status).toBe(201);

    const demote = await api("PATCH", `${base}/members/${admin.user.id}`, {
      cookie: ownerCookie,
      body: { role: "MEMBER" },
    });
    expect(demote.status).toBe(200);

    const after = await api("POST", `${base}/channels`, {
      cookie: admin.cookie,
      body: { name: "secret-2", kind: "PRIVATE" },
    });
    expect(after.status).toBe(403);
    expect(after.json.error.code).toBe("FORBIDDEN");
    expect((await api("GET", base, { cookie: admin.cookie })).json.data.role).toBe("MEMBER");
  });

  it("a promoted member gains rights at once too", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}`;
    expect(
      (await api("POST", `${base}/channels`, { cookie: member.cookie, body: { name: "p1", kind: "PRIVATE" } })).status,
    ).toBe(403);
    expect(
      (await api("PATCH", `${base}/members/${member.user.id}`, { cookie: ownerCookie, body: { role: "ADMIN" } }))
        .status,
    ).toBe(200);
    expect(
      (await api("POST", `${base}/channels`, { cookie: member.cookie, body: { name: "p1", kind: "PRIVATE" } })).status,
    ).toBe(201);
  });

  it("a removed member gets 404 on the workspace with the same old cookie", async () => {
    const { workspace, general, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const member = await memberOf(workspace.id, "MEMBER");
    const base = `/api/v1/workspaces/${workspace.id}`;
    expect((await api("GET", base, { cookie: member.cookie })).status).toBe(200);

    expect((await api("DELETE", `${base}/members/${member.user.id}`, { cookie: ownerCookie })).status).toBe(204);

    const ws = await api("GET", base, { cookie: member.cookie });
    expect(ws.status).toBe(404);
    expect(ws.json.error.code).toBe("NOT_FOUND");
    expect((await api("GET", `${base}/channels`, { cookie: member.cookie })).status).toBe(404);
    const post = await api("POST", `${base}/channels/${general.id}/posts`, {
      cookie: member.cookie,
      body: { title: "t", body: "b" },
    });
    expect(post.status).toBe(404);
    expect((await api("GET", "/api/v1/workspaces", { cookie: member.cookie })).json.data).toEqual([]);
  });

  it("a cookie signed in through Auth.js also loses rights after demotion", async () => {
    const { workspace, cookie: ownerCookie } = await createWorkspaceWithOwner();
    const admin = await memberOf(workspace.id, "ADMIN");
    const { cookie } = await signInThroughAuthJs(admin.user.email, admin.user.password);
    const base = `/api/v1/workspaces/${workspace.id}`;
    expect((await api("POST", `${base}/channels`, { cookie, body: { name: "a1", kind: "ANNOUNCEMENT" } })).status).toBe(
      201,
    );
    await api("PATCH", `${base}/members/${admin.user.id}`, { cookie: ownerCookie, body: { role: "GUEST" } });
    expect((await api("POST", `${base}/channels`, { cookie, body: { name: "a2", kind: "ANNOUNCEMENT" } })).status).toBe(
      403,
    );
  });

  it("a deleted user's cookie stops working", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    expect((await api("GET", "/api/v1/workspaces", { cookie })).status).toBe(200);
    await (await getDb()).user.delete({ where: { id: user.id } });
    await forgetActorsOf([user.id]); // a direct write (the app has no account deletion yet): clear cached rights
    expect((await api("GET", "/api/v1/workspaces", { cookie })).status).toBe(401);
  });
});

describe("unauthenticated requests", () => {
  const expect401 = (res: { status: number; json: { error?: { code: string; message: string } } }) => {
    expect(res.status).toBe(401);
    expect(res.json.error?.code).toBe("UNAUTHENTICATED");
    expect(res.json.error?.message.length).toBeGreaterThan(10);
  };

  it("no credentials → 401 with the error envelope", async () => {
    const { workspace } = await createWorkspaceWithOwner();
    expect401(await api("GET", "/api/v1/workspaces"));
    expect401(await api("GET", `/api/v1/workspaces/${workspace.id}`));
    const before = await (await getDb()).workspace.count();
    expect401(await api("POST", "/api/v1/workspaces", { body: { name: "Nope" } }));
    expect(await (await getDb()).workspace.count()).toBe(before);
  });

  it.each([
    ["garbage", "authjs.session-token=garbage"],
    ["a truncated token", null],
    ["a token signed with another secret", "other-secret"],
    ["the secure name with garbage", "__Secure-authjs.session-token=abc.def.ghi"],
  ])("a session cookie that is %s → 401", async (_, variant) => {
    const user = await createUser();
    let cookie = variant;
    if (variant === null) cookie = (await sessionCookie(user.id)).slice(0, -10);
    if (variant === "other-secret") {
      const { encode } = await import("next-auth/jwt");
      const token = await encode({
        token: { sub: user.id, claims: { uid: user.id, cv: 0, ws: {} } },
        secret: "x".repeat(40),
        salt: "authjs.session-token",
      });
      cookie = `authjs.session-token=${token}`;
    }
    expect401(await api("GET", "/api/v1/workspaces", { cookie }));
  });

  it("a malformed Authorization header → 401", async () => {
    expect401(await api("GET", "/api/v1/workspaces", { headers: { authorization: "Basic dXNlcjpwYXNz" } }));
    expect401(await api("GET", "/api/v1/workspaces", { headers: { authorization: "Bearer" } }));
    expect401(await api("GET", "/api/v1/workspaces", { token: "tid_doesnotexist" }));
    expect401(await api("GET", "/api/v1/workspaces", { token: "not-even-a-tidings-token" }));
  });
});

describe("cookie header edge cases", () => {
  it("a cookie with broken percent-encoding next to a valid session does not break the request", async () => {
    const { cookie } = await createWorkspaceWithOwner();
    const res = await api("GET", "/api/v1/workspaces", { cookie: `tracker=%E0%A4%A; ${cookie}; other=%zz` });
    expect(res.status).toBe(200);
  });

  it("a session cookie with broken percent-encoding → 401, not 500", async () => {
    const res = await api("GET", "/api/v1/workspaces", { cookie: "authjs.session-token=%E0%A4%A" });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe("UNAUTHENTICATED");
  });
});
