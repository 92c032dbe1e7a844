// Who may read the dev mailbox: shown on the embedded database, hidden on a managed one unless DEV_MAILBOX=on,
// never shown when Resend is configured; when the kept emails reach no one, /api/health says so.
import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { readDevMailbox } from "@/lib/domain/mail/dev-mailbox";
import { api } from "../support/api";
import { createUser } from "../factories";
import { useEmbeddedRuntime } from "../support/background";

const original = { ...env };
afterEach(() => Object.assign(env, original));

/** The switches as the running server would read them; the database itself is whatever this run uses. */
const configure = (values: Partial<Pick<typeof env, "DATABASE_URL" | "DEV_MAILBOX" | "RESEND_API_KEY">>) =>
  Object.assign(env, { DATABASE_URL: undefined, DEV_MAILBOX: undefined, RESEND_API_KEY: undefined, ...values });

describe("the dev mailbox", () => {
  it("shows the kept emails on the embedded database", async () => {
    const runtime = useEmbeddedRuntime();
    const user = await createUser();
    await runtime.drain();
    runtime.uninstall();
    configure({});
    const mail = await readDevMailbox();
    expect(mail?.some((m) => m.to === user.email && m.subject === "Confirm your email address")).toBe(true);
    expect((await api("GET", "/api/health", { token: process.env.HEALTH_TOKEN })).json.data.email).toEqual({
      ok: true,
      adapter: "dev-mailbox",
    });
  });

  it.each([
    ["a managed database", { DATABASE_URL: "postgresql://db.example.com/tidings" }],
    [
      "a managed database with DEV_MAILBOX=off",
      { DATABASE_URL: "postgresql://db.example.com/tidings", DEV_MAILBOX: "off" as const },
    ],
    ["the embedded database with DEV_MAILBOX=off", { DEV_MAILBOX: "off" as const }],
  ])("is hidden on %s, and health says the emails reach no one", async (_name, values) => {
    configure(values);
    expect(await readDevMailbox()).toBeNull();
    const health = await api("GET", "/api/health", { token: process.env.HEALTH_TOKEN });
    expect(health.status).toBe(200);
    expect(health.json.data.email).toEqual({
      ok: false,
      adapter: "dev-mailbox",
      error: expect.stringContaining("set RESEND_API_KEY"),
    });
  });

  it("is shown on a managed database only when DEV_MAILBOX=on", async () => {
    configure({ DATABASE_URL: "postgresql://db.example.com/tidings", DEV_MAILBOX: "on" });
    expect(await readDevMailbox()).toEqual(expect.any(Array));
  });

  it("is never shown when Resend is configured, whatever DEV_MAILBOX says", async () => {
    configure({ RESEND_API_KEY: "re_test", DEV_MAILBOX: "on" });
    expect(await readDevMailbox()).toBeNull();
  });
});
