// A post or comment was written: record what it means for the Inbox (who follows the post, whose Inbox it enters).
// One idempotent write per event and no step: a retry re-runs the same write and changes nothing twice. A post that
// mentions no one needs nothing here (its author's follow went in with the post itself, lib/data/posts.ts): the
// trigger's condition keeps the function from being called for it.
import { recordNewComment, recordNewPost } from "@/lib/domain/inbox/inbox";
import { inngest } from "../client";
import { events, mentionsSomeone } from "../events";

export const updateInboxFn = inngest.createFunction(
  {
    id: "update-inbox",
    retries: 5,
    triggers: [{ event: events["post/created"], if: mentionsSomeone }, events["comment/created"]],
  },
  async ({ event }) =>
    "commentId" in event.data
      ? recordNewComment(event.data.workspaceId, event.data.commentId)
      : recordNewPost(event.data.workspaceId, event.data.postId),
);
