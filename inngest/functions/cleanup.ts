// Daily at 03:15 UTC: remove what is past its use, and log how much.
import { cron } from "inngest";
import {
  cleanupExpiredInvites,
  cleanupExpiredTokens,
  cleanupIdempotencyKeys,
  cleanupSentOutbox,
  cleanupSessions,
  purgeExpiredDeletedPosts,
  cleanupOrphanFiles,
  cleanupPasskeyChallenges,
} from "@/lib/domain/cleanup/run-cleanup";
import { inngest } from "../client";

export const cleanupFn = inngest.createFunction(
  { id: "cleanup", retries: 3, triggers: [cron("15 3 * * *")] },
  async ({ step, logger }) => {
    const now = new Date(await step.run("now", () => new Date().toISOString()));
    const removed = {
      invites: await step.run("expired-invites", () => cleanupExpiredInvites(now)),
      tokens: await step.run("expired-tokens", () => cleanupExpiredTokens(now)),
      outbox: await step.run("sent-outbox-events", () => cleanupSentOutbox(now)),
      posts: await step.run("deleted-posts", () => purgeExpiredDeletedPosts(now)),
      sessions: await step.run("old-sessions", () => cleanupSessions(now)),
      idempotencyKeys: await step.run("old-idempotency-keys", () => cleanupIdempotencyKeys(now)),
      passkeyChallenges: await step.run("expired-passkey-challenges", () => cleanupPasskeyChallenges(now)),
      // After the posts: purging a post detaches its files, which this step then removes.
      files: await step.run("orphan-files", () => cleanupOrphanFiles(now)),
    };
    logger.info("cleanup removed", removed);
    return removed;
  },
);
