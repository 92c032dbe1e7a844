// A post was written: whoever follows its channel at level ALL ("Everything") gets an in-app notification (one step,
// idempotent), then an email, one step each, so a failure retries only that email. Mentioned people are left to
// notify-mentions.
import { notifyFollowers, sendPostEmail } from "@/lib/domain/notifications/notify-followers";
import { inngest } from "../client";
import { events } from "../events";

export const notifyFollowersFn = inngest.createFunction(
  { id: "notify-followers", retries: 5, triggers: [events["post/created"]] },
  async ({ event, step }) => {
    const { postId } = event.data;
    const userIds = await step.run("notify-in-app", () => notifyFollowers(postId));
    const results = await Promise.all(
      userIds.map((id) => step.run(`email-follower-${id}`, () => sendPostEmail(postId, id))),
    );
    return { notified: userIds.length, emailed: results.filter((r) => r.sent).length };
  },
);
