// The Resend adapter through the real `resend` SDK, against a local fake of its API (RESEND_BASE_URL), driven by
// the real function in the embedded executor: a 500 or a timeout makes the step retry; no email is lost or doubled.
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from "vitest";

const fake = await vi.hoisted(async () => {
  const { startResendFake } = await import("../fakes/resend-fake");
  const started = await startResendFake("re_test_key");
  process.env.RESEND_API_KEY = "re_test_key";
  process.env.RESEND_BASE_URL = started.url;
  process.env.RESEND_TIMEOUT_MS = "2000"; // short enough to test a timeout, long enough that a loaded CI never hits it by chance
  process.env.EMAIL_FROM = "Tidings <hello@tidings.test>";
  return started;
});

import { getDb } from "@/lib/data/db/client";
import { listMailTo } from "@/lib/data/mail/messages";
import { mailTransport } from "@/lib/data/mail/transport";
import { backoffMs, relayOutbox } from "@/lib/outbox/relay";
import { createUser } from "../factories";
import { useEmbeddedRuntime } from "../support/background";

let runtime: ReturnType<typeof useEmbeddedRuntime>;
beforeEach(() => {
  runtime = useEmbeddedRuntime();
});
afterEach(() => runtime.uninstall());
afterAll(() => fake.close());

const sentTo = (email: string) =>
  fake.delivered.filter((m) => m.body.to === email || (Array.isArray(m.body.to) && m.body.to.includes(email)));
const requestsFor = (key: string) => fake.requests.filter((r) => r.key === key);

describe("Resend adapter", () => {
  it("is the transport when RESEND_API_KEY is set, and sends from EMAIL_FROM with an Idempotency-Key", async () => {
    expect((await mailTransport()).name).toBe("resend");
    const user = await createUser();
    await runtime.drain();
    const [mail] = sentTo(user.email);
    expect(mail?.body).toMatchObject({ from: "Tidings <hello@tidings.test>", subject: "Confirm your email address" });
    expect(mail?.body.text).toContain("/verify-email?token=");
    expect(mail?.key).toMatch(/^verify-email\//);
    const rows = await listMailTo(await getDb(), user.email);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.idempotencyKey).toBe(mail?.key);
  });

  it("retries the step when Resend answers 500, and the email goes out once", async () => {
    const user = await createUser();
    fake.failNext(2, 500);
    await runtime.drain();
    const mails = sentTo(user.email);
    expect(mails).toHaveLength(1);
    expect(requestsFor(mails[0]!.key!).map((r) => r.status)).toEqual([500, 500, 200]);
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("retries after a timeout without sending twice (Resend accepted the first call; the key deduplicates)", async () => {
    const user = await createUser();
    fake.answerLate(1, 3500); // longer than RESEND_TIMEOUT_MS
    await runtime.drain();
    const mails = sentTo(user.email);
    expect(mails).toHaveLength(1);
    const statuses = requestsFor(mails[0]!.key!).map((r) => r.status);
    expect(statuses.length).toBeGreaterThanOrEqual(2); // the late one, then the retry
    // The retry issued a new token, so its body differs: Resend says 409, which means "already accepted".
    expect(statuses).toContain(409);
    expect(await listMailTo(await getDb(), user.email)).toHaveLength(1);
  });

  it("keeps the outbox row pending when every attempt fails, and delivers it once Resend is back", async () => {
    const user = await createUser();
    fake.failNext(100, 503);
    await runtime.drain();
    expect(sentTo(user.email)).toHaveLength(0);
    const db = await getDb();
    const row = (await db.outboxEvent.findMany({ where: { name: "user/signed-up" } })).find(
      (r) => (r.data as { userId: string }).userId === user.id,
    );
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    fake.recover();
    await relayOutbox(runtime.publisher, { now: () => new Date(Date.now() + backoffMs(1) + 1000) });
    await runtime.executor.idle();
    expect(sentTo(user.email)).toHaveLength(1);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id: row!.id } })).status).toBe("SENT");
  });

  it("does not call Resend again for a key it already sent (MailMessage row), even after Resend's 24 h window", async () => {
    const transport = await mailTransport();
    const mail = {
      to: "once@example.test",
      subject: "Once",
      html: "<p>once</p>",
      text: "once",
      idempotencyKey: `once/${Date.now()}`,
    };
    const first = await transport.send(mail);
    const second = await transport.send({ ...mail, text: "a different body" });
    expect(first.duplicate).toBe(false);
    expect(second).toEqual({ id: first.id, duplicate: true });
    expect(requestsFor(mail.idempotencyKey)).toHaveLength(1);
  });
});
