import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { previewInvite } from "@/lib/domain/invites/preview-invite";
import { api } from "../support/api";
import { useEmbeddedRuntime } from "../support/background";
import { createUser, createWorkspaceWithOwner, memberOf, sessionCookie } from "../factories";

let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeEach(() => {
  runtime = useEmbeddedRuntime();
});
afterEach(() => runtime.uninstall());

const tokensMailedTo = async (email: string) => {
  await runtime.drain();
  const mail = await listMailTo(await getDb(), email);
  return mail
    .filter((m) => m.subject.includes("invited you"))
    .map((m) => /[?&]token=([A-Za-z0-9_-]+)/.exec(m.text)?.[1] ?? "");
};

async function setup() {
  const ws = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${ws.workspace.id}/invites`;
  const invitee = await createUser();
  return { ...ws, base, invitee, inviteeCookie: await sessionCookie(invitee.id) };
}

describe("invites", () => {
  it("invites by email, emails a link, and accepting it adds the membership once", async () => {
    const { cookie, base, workspace, invitee, inviteeCookie, general } = await setup();
    const created = await api("POST", base, { cookie, body: { email: invitee.email.toUpperCase(), role: "MEMBER" } });
    expect(created.status).toBe(201);
    expect(created.json.data).toMatchObject({ email: invitee.email, role: "MEMBER", status: "pending" });
    const days = (new Date(created.json.data.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);

    const [token] = await tokensMailedTo(invitee.email);
    expect(token).toBeTruthy();
    // The invite email is the only one with this subject (the sign-up's verify email may land before or after it).
    const invites = (await listMailTo(await getDb(), invitee.email)).filter((m) => m.subject.includes("invited you"));
    expect(invites).toHaveLength(1);
    expect(invites[0]?.subject).toContain(`invited you to ${workspace.name} on Tidings`);

    await expect(previewInvite(token!)).resolves.toMatchObject({
      workspaceId: workspace.id,
      email: invitee.email,
      role: "MEMBER",
      status: "pending",
      hasAccount: true,
    });
    const accepted = await api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.data).toMatchObject({ workspaceId: workspace.id, role: "MEMBER", alreadyMember: false });
    expect(
      (await (await getDb()).user.findUniqueOrThrow({ where: { id: invitee.id } })).emailVerifiedAt,
    ).not.toBeNull();
    await expect(previewInvite(token!)).resolves.toMatchObject({ status: "accepted" });
    // The same old cookie now sees the workspace (claims version bumped) and #general.
    expect(
      (await api("GET", `/api/v1/workspaces/${workspace.id}/channels/${general.id}/posts`, { cookie: inviteeCookie }))
        .status,
    ).toBe(200);

    const again = await api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token } });
    expect(again.status).toBe(200);
    expect(again.json.data.alreadyMember).toBe(true);
    const db = await getDb();
    expect(await db.membership.count({ where: { workspaceId: workspace.id, userId: invitee.id } })).toBe(1);
    expect((await api("GET", base, { cookie })).json.data).toEqual([]); // no longer open
  });

  it("lets only admins invite, and only owners invite owners", async () => {
    const { base, workspace, cookie } = await setup();
    const member = await memberOf(workspace.id, "MEMBER");
    const admin = await memberOf(workspace.id, "ADMIN");
    expect((await api("POST", base, { cookie: member.cookie, body: { email: "x@example.test" } })).status).toBe(403);
    expect((await api("GET", base, { cookie: member.cookie })).status).toBe(403);
    expect(
      (await api("POST", base, { cookie: admin.cookie, body: { email: "y@example.test", role: "OWNER" } })).status,
    ).toBe(403);
    expect(
      (await api("POST", base, { cookie: admin.cookie, body: { email: "y@example.test", role: "ADMIN" } })).status,
    ).toBe(201);
    expect((await api("POST", base, { cookie, body: { email: "y@example.test" } })).status).toBe(409); // already pending
    expect((await api("POST", base, { cookie, body: { email: admin.user.email } })).status).toBe(409); // already a member
    expect((await api("POST", base, { cookie, body: { email: "not an email" } })).status).toBe(422);
  });

  it("revoking makes the link answer 410; revoking twice is fine", async () => {
    const { cookie, base, invitee, inviteeCookie } = await setup();
    const created = await api("POST", base, { cookie, body: { email: invitee.email } });
    const [token] = await tokensMailedTo(invitee.email);
    const revoked = await api("DELETE", `${base}/${created.json.data.id}`, { cookie });
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.status).toBe("revoked");
    expect((await api("DELETE", `${base}/${created.json.data.id}`, { cookie })).status).toBe(200);
    expect((await api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token } })).status).toBe(410);
    expect((await api("POST", `${base}/${created.json.data.id}/resend`, { cookie })).status).toBe(409);
  });

  it("an expired invite answers 410; resending emails a new link and extends the invite", async () => {
    const { cookie, base, invitee, inviteeCookie } = await setup();
    const created = await api("POST", base, { cookie, body: { email: invitee.email, role: "GUEST" } });
    const [first] = await tokensMailedTo(invitee.email);
    const db = await getDb();
    const past = new Date(Date.now() - 1000);
    await db.invite.update({ where: { id: created.json.data.id }, data: { expiresAt: past } });
    await db.oneTimeToken.updateMany({ where: { inviteId: created.json.data.id }, data: { expiresAt: past } });
    expect((await api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token: first } })).status).toBe(410);
    expect((await api("GET", base, { cookie })).json.data[0].status).toBe("expired");

    const resent = await api("POST", `${base}/${created.json.data.id}/resend`, { cookie });
    expect(resent.status).toBe(200);
    expect(resent.json.data.status).toBe("pending");
    const tokens = await tokensMailedTo(invitee.email);
    expect(tokens).toHaveLength(2);
    expect(tokens[1]).not.toBe(first);
    const accepted = await api("POST", `${base}/accept`, { cookie: inviteeCookie, body: { token: tokens[1] } });
    expect(accepted.status).toBe(200);
    expect(accepted.json.data.role).toBe("GUEST");
  });

  it("refuses unknown tokens (404), other addresses (403) and anonymous callers (401)", async () => {
    const { cookie, base, invitee } = await setup();
    await api("POST", base, { cookie, body: { email: invitee.email } });
    const [token] = await tokensMailedTo(invitee.email);
    expect(
      (
        await api("POST", `${base}/accept`, {
          cookie: (await memberOf((await createWorkspaceWithOwner()).workspace.id, "MEMBER")).cookie,
          body: { token: "nope" },
        })
      ).status,
    ).toBe(404);
    const stranger = await createUser();
    expect(
      (await api("POST", `${base}/accept`, { cookie: await sessionCookie(stranger.id), body: { token } })).status,
    ).toBe(403);
    expect((await api("POST", `${base}/accept`, { body: { token } })).status).toBe(401);
  });
});
