// A post or comment was written: email each person it mentioned, per their level in the channel. The mentions and
// in-app notifications were stored with the post itself; one step per email, so a failure retries only that email.
// It runs only when the write said it stored a mention: most posts mention no one, and then it is not even called.
import { listMentionsToNotify, sendMentionEmail } from "@/lib/domain/mentions/notify-mentions";
import { inngest } from "../client";
import { events, mentionsSomeone } from "../events";

export const notifyMentionsFn = inngest.createFunction(
  {
    id: "notify-mentions",
    retries: 5,
    triggers: [
      { event: events["post/created"], if: mentionsSomeone },
      { event: events["comment/created"], if: mentionsSomeone },
    ],
  },
  async ({ event, step }) => {
    const commentId = "commentId" in event.data ? event.data.commentId : null;
    const mentionIds = await step.run("list-mentions", () => listMentionsToNotify(event.data.postId, commentId));
    const results = await Promise.all(
      mentionIds.map((id) => step.run(`email-mention-${id}`, () => sendMentionEmail(id))),
    );
    return { mentions: mentionIds.length, emailed: results.filter((r) => r.sent).length };
  },
);
