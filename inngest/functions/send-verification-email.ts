// After sign-up (or "send it again"): email the link that verifies the address.
import { sendVerificationEmail } from "@/lib/domain/users/send-verification-email";
import { inngest } from "../client";
import { events } from "../events";

export const sendVerificationEmailFn = inngest.createFunction(
  {
    id: "send-verification-email",
    retries: 5,
    triggers: [events["user/signed-up"], events["user/verification-requested"]],
  },
  async ({ event, step }) =>
    step.run("send-verification-email", () => sendVerificationEmail(event.data.userId, `verify-email/${event.id}`)),
);
