// A post or comment was written: email each person it mentioned, per their level in the channel. The mentions and
// in-app notifications were stored with the post itself; one step per email, so a failure retries only that email.
import { listMentionsToNotify, sendMentionEmail } from "@/lib/domain/mentions/notify-mentions";
import { inngest } from "../client";
import { events } from "../events";

export const notifyMentionsFn = inngest.createFunction(
  { id: "notify-mentions", retries: 5, triggers: [events["post/created"], events["comment/created"]] },
  async ({ event, step }) => {
    // The write said it stored no mention (most posts): nothing to look up, no step, one call.
    if (event.data.mentions === 0) return { mentions: 0, emailed: 0 };
    const commentId = "commentId" in event.data ? event.data.commentId : null;
    const mentionIds = await step.run("list-mentions", () => listMentionsToNotify(event.data.postId, commentId));
    const results = await Promise.all(
      mentionIds.map((id) => step.run(`email-mention-${id}`, () => sendMentionEmail(id))),
    );
    return { mentions: mentionIds.length, emailed: results.filter((r) => r.sent).length };
  },
);
