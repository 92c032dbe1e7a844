// A sign-in method was added or removed (MFA on or off, a passkey): tell the person by email.
import { sendSecurityNotice } from "@/lib/domain/mfa/security-email";
import { inngest } from "../client";
import { events } from "../events";

export const sendSecurityNoticeFn = inngest.createFunction(
  { id: "send-security-notice", retries: 5, triggers: [events["user/security-changed"]] },
  async ({ event, step }) =>
    step.run("send-security-notice", () => sendSecurityNotice(event.data, `security-notice/${event.id}`)),
);
