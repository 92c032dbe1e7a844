// Scheduled cleanup: what is past its use. Returns the counts; the function logs them.
import { getDb } from "@/lib/data/db/client";
import { deleteDeadInvites } from "@/lib/data/invites";
import { deleteExpiredOneTimeTokens } from "@/lib/data/one-time-tokens";
import { deleteSentOutboxEventsBefore } from "@/lib/data/outbox";
import { purgeDeletedPosts } from "@/lib/data/posts";
import { deleteSessionsDoneBefore } from "@/lib/data/sessions";

const DAY = 24 * 3_600_000;
export const retention = { sentOutboxDays: 7, deletedPostDays: 30, sessionDays: 31 } as const;

export async function cleanupExpiredInvites(now: Date) {
  return (await deleteDeadInvites(await getDb(), now)).count;
}

export async function cleanupExpiredTokens(now: Date) {
  return (await deleteExpiredOneTimeTokens(await getDb(), now)).count;
}

export async function cleanupSentOutbox(now: Date) {
  return (await deleteSentOutboxEventsBefore(await getDb(), new Date(now.getTime() - retention.sentOutboxDays * DAY)))
    .count;
}

/** Soft-deleted posts can be restored by admins for 30 days; after that they are gone for good. */
export async function purgeExpiredDeletedPosts(now: Date) {
  return (await purgeDeletedPosts(await getDb(), new Date(now.getTime() - retention.deletedPostDays * DAY))).count;
}

/** Session records: kept a month after they ended or were last seen (a session cookie lives 30 days). */
export async function cleanupSessions(now: Date) {
  return (await deleteSessionsDoneBefore(await getDb(), new Date(now.getTime() - retention.sessionDays * DAY))).count;
}
