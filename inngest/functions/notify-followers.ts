// A post was written: whoever follows its channel at level ALL ("Everything") gets an in-app notification, then an
// email, one step each, so a failure retries only that email. Mentioned people are left to notify-mentions.
// The in-app write is not a step: it is idempotent (it inserts only what is missing), so the replays that follow each
// email step may run it again harmlessly, and the usual post, whose channel nobody follows at ALL, costs one call
// instead of a step's extra round trip.
import { notifyFollowers, sendPostEmail } from "@/lib/domain/notifications/notify-followers";
import { inngest } from "../client";
import { events } from "../events";

export const notifyFollowersFn = inngest.createFunction(
  { id: "notify-followers", retries: 5, triggers: [events["post/created"]] },
  async ({ event, step }) => {
    const { channelId, postId } = event.data;
    const userIds = await notifyFollowers(channelId, postId);
    const results = await Promise.all(
      userIds.map((id) => step.run(`email-follower-${id}`, () => sendPostEmail(postId, id))),
    );
    return { notified: userIds.length, emailed: results.filter((r) => r.sent).length };
  },
);
