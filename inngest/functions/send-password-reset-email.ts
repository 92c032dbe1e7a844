// "Forgot password": email a one-hour reset link.
import { sendPasswordResetEmail } from "@/lib/domain/users/password-reset";
import { inngest } from "../client";
import { events } from "../events";

export const sendPasswordResetEmailFn = inngest.createFunction(
  { id: "send-password-reset-email", retries: 5, triggers: [events["user/password-reset-requested"]] },
  async ({ event, step }) =>
    step.run("send-password-reset-email", () =>
      sendPasswordResetEmail(event.data.userId, `password-reset/${event.id}`),
    ),
);
