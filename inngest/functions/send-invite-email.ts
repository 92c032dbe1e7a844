// An invite was created or resent: email the person a fresh link (skipped once the invite is settled).
import { sendInviteEmail } from "@/lib/domain/invites/send-invite-email";
import { inngest } from "../client";
import { events } from "../events";

export const sendInviteEmailFn = inngest.createFunction(
  { id: "send-invite-email", retries: 5, triggers: [events["invite/created"], events["invite/resent"]] },
  async ({ event, step }) =>
    step.run("send-invite-email", () => sendInviteEmail(event.data.inviteId, `invite/${event.id}`)),
);
