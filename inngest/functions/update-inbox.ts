// A post or comment was written: record what it means for the Inbox (who follows the post, whose Inbox it enters).
// One idempotent write per event and no step: a retry re-runs the same write and changes nothing twice.
import { recordNewComment, recordNewPost } from "@/lib/domain/inbox/inbox";
import { inngest } from "../client";
import { events } from "../events";

export const updateInboxFn = inngest.createFunction(
  { id: "update-inbox", retries: 5, triggers: [events["post/created"], events["comment/created"]] },
  async ({ event }) =>
    "commentId" in event.data
      ? recordNewComment(event.data.workspaceId, event.data.commentId)
      : recordNewPost(event.data.workspaceId, event.data.postId),
);
