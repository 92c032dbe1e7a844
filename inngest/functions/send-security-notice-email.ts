// A change to how the person signs in (password, linked provider): tell them by email.
import { sendSecurityNoticeEmail } from "@/lib/domain/users/security-notice";
import { inngest } from "../client";
import { events } from "../events";

export const sendSecurityNoticeEmailFn = inngest.createFunction(
  { id: "send-security-notice-email", retries: 5, triggers: [events["user/security-notice"]] },
  async ({ event, step }) =>
    step.run("send-security-notice-email", () => sendSecurityNoticeEmail(event.data, `security-notice/${event.id}`)),
);
