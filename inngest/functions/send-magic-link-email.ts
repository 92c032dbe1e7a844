// "Email me a sign-in link": a 15-minute, single-use link.
import { sendMagicLinkEmail } from "@/lib/domain/users/magic-link";
import { inngest } from "../client";
import { events } from "../events";

export const sendMagicLinkEmailFn = inngest.createFunction(
  { id: "send-magic-link-email", retries: 5, triggers: [events["user/magic-link-requested"]] },
  async ({ event, step }) =>
    step.run("send-magic-link-email", () => sendMagicLinkEmail(event.data.userId, `magic-link/${event.id}`)),
);
