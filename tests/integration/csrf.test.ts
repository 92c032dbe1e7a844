// CSRF: a cookie-authenticated POST/PATCH/DELETE must come from the app's own pages (Origin, or Sec-Fetch-Site when
// Origin is absent); anything else is a 403 in the error envelope that changes nothing. Bearer tokens are unaffected.
import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/api";
import { createWorkspaceWithOwner } from "../factories";

const APP_ORIGIN = new URL(process.env.APP_URL!).origin;

async function withInvite() {
  const s = await createWorkspaceWithOwner();
  const base = `/api/v1/workspaces/${s.workspace.id}/invites`;
  const created = await api("POST", base, { cookie: s.cookie, body: { email: `inv-${Date.now()}@example.test` } });
  expect(created.status).toBe(201);
  return {
    ...s,
    base,
    resend: `${base}/${created.json.data.id}/resend`,
    channel: `/api/v1/workspaces/${s.workspace.id}/channels/${s.general.id}`,
  };
}

const refused = {
  error: {
    code: "FORBIDDEN",
    message: expect.stringContaining("Cross-site request refused"),
    docs: expect.stringMatching(/\/docs\/api#error-forbidden$/),
  },
};

describe("cookie-authenticated changes must come from the app's own pages", () => {
  // The first request migrates the in-memory database: pay for it here, not in the first test's time.
  beforeAll(() => createWorkspaceWithOwner(), 120_000);

  it.each([
    ["another site's Origin", { origin: "http://evil.example" }],
    ["Origin: null", { origin: "null" }],
    ["the app's host on another port", { origin: "http://127.0.0.1:4000" }],
    ["no Origin and no Sec-Fetch-Site", { origin: null }],
    ["no Origin, Sec-Fetch-Site: cross-site", { origin: null, headers: { "sec-fetch-site": "cross-site" } }],
    ["no Origin, Sec-Fetch-Site: same-site", { origin: null, headers: { "sec-fetch-site": "same-site" } }],
  ])("refuses %s with a 403, and nothing changes", async (_name, how) => {
    const s = await withInvite();
    const before = (await api("GET", s.base, { cookie: s.cookie })).json.data;
    const res = await api("POST", s.resend, { cookie: s.cookie, ...how });
    expect(res.status).toBe(403);
    expect(res.json).toEqual(refused);
    expect((await api("GET", s.base, { cookie: s.cookie })).json.data).toEqual(before);

    const patch = await api("PATCH", s.channel, { cookie: s.cookie, body: { description: "pwned" }, ...how });
    expect(patch.status).toBe(403);
    const del = await api("DELETE", `${s.base}/${before[0].id}`, { cookie: s.cookie, ...how });
    expect(del.status).toBe(403);
    expect((await api("GET", s.channel, { cookie: s.cookie })).json.data.description).not.toBe("pwned");
    expect((await api("GET", s.base, { cookie: s.cookie })).json.data).toEqual(before);
  });

  it.each([
    ["APP_URL's origin", { origin: APP_ORIGIN }],
    ["no Origin, Sec-Fetch-Site: same-origin", { origin: null, headers: { "sec-fetch-site": "same-origin" } }],
    [
      "the host the request was sent to (the app reached by another name)",
      { origin: "https://tidings.internal:8443", headers: { host: "tidings.internal:8443" } },
    ],
    [
      "the host a proxy says it was sent to",
      {
        origin: "https://chat.example.com",
        headers: { host: "10.0.0.5:3000", "x-forwarded-host": "chat.example.com" },
      },
    ],
  ])("accepts %s", async (_name, how) => {
    const s = await withInvite();
    expect((await api("POST", s.resend, { cookie: s.cookie, ...how })).status).toBe(200);
    expect((await api("PATCH", s.channel, { cookie: s.cookie, body: { description: "ours" }, ...how })).status).toBe(
      200,
    );
  });

  it("leaves reads alone, and Bearer-token calls whatever their Origin", async () => {
    const s = await withInvite();
    expect((await api("GET", s.base, { cookie: s.cookie, origin: "http://evil.example" })).status).toBe(200);
    const created = await api("POST", `/api/v1/workspaces/${s.workspace.id}/tokens`, {
      cookie: s.cookie,
      body: { name: "ci", scopes: ["admin"] },
    });
    expect(created.status).toBe(201);
    const token = created.json.data.token as string;
    const res = await api("POST", s.resend, { token, headers: { origin: "http://evil.example" } });
    expect(res.status).toBe(200);
  });
});
