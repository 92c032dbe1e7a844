// Settings → password: the current password is checked, the strength rule applies, the other sessions end (their
// old cookies stop working) while this one stays, and a "password changed" email goes out through the outbox.
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { changePasswordAction } from "@/app/settings/actions";
import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { api } from "../../support/api";
import { useEmbeddedRuntime } from "../../support/background";
import { useSessionCookie } from "../../support/cookies";
import { createUser, sessionCookie } from "../../factories";
import { expectFailure, expectOk, form } from "./helpers";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const works = async (cookie: string) => (await api("GET", "/api/v1/workspaces", { cookie })).status;
const NEW = "lantern orchard quietly 41";

// The first request migrates the in-memory database, which can outlast a test's timeout on a busy machine.
beforeAll(async () => {
  await getDb();
}, 120_000);

let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeEach(() => {
  runtime = useEmbeddedRuntime();
});
afterEach(() => runtime.uninstall());

describe("changing the password from settings", () => {
  it("sets the new password, ends the other sessions but not this one, and emails a notice", async () => {
    const user = await createUser();
    const [here, laptop, phone] = [
      await sessionCookie(user.id),
      await sessionCookie(user.id),
      await sessionCookie(user.id),
    ];
    useSessionCookie(here);
    expect(expectOk(await changePasswordAction(null, form({ currentPassword: user.password, password: NEW })))).toEqual(
      { endedSessions: 2 },
    );
    expect(await works(laptop)).toBe(401);
    expect(await works(phone)).toBe(401);
    expect(await works(here)).toBe(200);
    expect(await verifyCredentials({ email: user.email, password: user.password })).toBeNull();
    expect(await verifyCredentials({ email: user.email, password: NEW })).toMatchObject({ id: user.id });

    await runtime.drain();
    const mail = (await listMailTo(await getDb(), user.email)).filter(
      (m) => m.subject === "Your Tidings password was changed",
    );
    expect(mail).toHaveLength(1);
    expect(mail[0]?.text).toMatch(/If it was not you, reset your password now/);
  });

  it("refuses a wrong or missing current password on its field, and changes nothing", async () => {
    const user = await createUser();
    const other = await sessionCookie(user.id);
    useSessionCookie(await sessionCookie(user.id));
    const wrong = expectFailure(
      await changePasswordAction(null, form({ currentPassword: "not my password", password: NEW })),
      "VALIDATION_FAILED",
    );
    expect(wrong.fields).toEqual({ currentPassword: "is not your current password" });
    const missing = expectFailure(await changePasswordAction(null, form({ password: NEW })), "VALIDATION_FAILED");
    expect(missing.fields).toEqual({ currentPassword: "is required" });
    expect(await verifyCredentials({ email: user.email, password: user.password })).toMatchObject({ id: user.id });
    expect(await works(other)).toBe(200);
    const events = await (
      await getDb()
    ).outboxEvent.count({
      where: { name: "user/security-notice", data: { path: ["userId"], equals: user.id } },
    });
    expect(events).toBe(0);
  });

  it("refuses a weak new password with the strength rule's reason", async () => {
    const user = await createUser();
    useSessionCookie(await sessionCookie(user.id));
    const weak = expectFailure(
      await changePasswordAction(null, form({ currentPassword: user.password, password: "password12" })),
      "VALIDATION_FAILED",
    );
    expect(weak.fields?.password).toMatch(/^is too easy to guess/);
    expect(await verifyCredentials({ email: user.email, password: user.password })).toMatchObject({ id: user.id });
  });

  it("an account without a password sets a first one without a current one", async () => {
    const user = await createUser();
    await (await getDb()).user.update({ where: { id: user.id }, data: { passwordHash: null } });
    useSessionCookie(await sessionCookie(user.id));
    expectOk(await changePasswordAction(null, form({ password: NEW })));
    expect(await verifyCredentials({ email: user.email, password: NEW })).toMatchObject({ id: user.id });
    await runtime.drain();
    const subjects = (await listMailTo(await getDb(), user.email)).map((m) => m.subject);
    expect(subjects).toContain("A password was set on your Tidings account");
  });

  it("signed out: refused", async () => {
    useSessionCookie(null);
    expectFailure(await changePasswordAction(null, form({ currentPassword: "x", password: NEW })), "UNAUTHENTICATED");
  });
});
