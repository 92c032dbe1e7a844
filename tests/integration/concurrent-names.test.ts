// Names picked at the same instant: handles, workspace slugs and email addresses have unique indexes, and two
// requests racing for the same one must both end well (a free name) or with a clear 409, never a generic error.
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/data/db/client";
import { signUp } from "@/lib/domain/users/sign-up";
import { api } from "../support/api";
import { createUser, sessionCookie } from "../factories";

describe("names picked at the same instant", () => {
  it("people with the same name signing up at once each get their own handle", async () => {
    const signUps = Array.from({ length: 6 }, (_, i) =>
      signUp({ name: "Ada Lovelace", email: `ada-${i}-${Date.now()}@example.test`, password: "correct horse battery" }),
    );
    const users = await Promise.all(signUps);
    expect(new Set(users.map((u) => u.created?.handle))).toEqual(
      new Set(["adalovelace", "adalovelace2", "adalovelace3", "adalovelace4", "adalovelace5", "adalovelace6"]),
    );
  });

  it("the same address signing up twice at once: one account, and the others answered like any known address", async () => {
    const email = `twin-${Date.now()}@example.test`;
    const results = await Promise.all(
      [0, 1, 2].map(() => signUp({ name: "Twin", email, password: "correct horse battery" })),
    );
    expect(results.map((r) => r.email)).toEqual([email, email, email]);
    expect(results.filter((r) => r.created !== null)).toHaveLength(1);
    expect(await (await getDb()).user.count({ where: { email } })).toBe(1);
  });

  it("workspaces created with the same name at once get distinct slugs", async () => {
    const user = await createUser();
    const cookie = await sessionCookie(user.id);
    const responses = await Promise.all(
      [0, 1, 2, 3, 4].map(() => api("POST", "/api/v1/workspaces", { cookie, body: { name: "Launch Crew" } })),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.json.data.slug))).toEqual(
      new Set(["launch-crew", "launch-crew-2", "launch-crew-3", "launch-crew-4", "launch-crew-5"]),
    );
  });

  it("accents fold into the address and the handle", async () => {
    const { created: user } = await signUp({
      name: "Émile Zoë",
      email: `emile-${Date.now()}@example.test`,
      password: "correct horse battery",
    });
    if (!user) throw new Error("not created");
    expect(user.handle).toBe("emilezoe");
    const cookie = await sessionCookie(user.id);
    const res = await api("POST", "/api/v1/workspaces", { cookie, body: { name: "Café Crème" } });
    expect(res.json.data.slug).toBe("cafe-creme");
  });
});
