// Sign-up with an address that already has an account: tell its owner (the form answered "check your email").
import { sendAccountExistsEmail } from "@/lib/domain/users/sign-up";
import { inngest } from "../client";
import { events } from "../events";

export const sendAccountExistsEmailFn = inngest.createFunction(
  { id: "send-account-exists-email", retries: 5, triggers: [events["user/sign-up-attempted"]] },
  async ({ event, step }) =>
    step.run("send-account-exists-email", () =>
      sendAccountExistsEmail(event.data.userId, `account-exists/${event.id}`),
    ),
);
