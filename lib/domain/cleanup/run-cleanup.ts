// Scheduled cleanup: what is past its use. Returns the counts; the function logs them.
import { getDb } from "@/lib/data/db/client";
import { deleteDeadInvites } from "@/lib/data/invites";
import { deleteExpiredOneTimeTokens } from "@/lib/data/one-time-tokens";
import { deleteSentOutboxEventsBefore } from "@/lib/data/outbox";
import { purgeDeletedPosts } from "@/lib/data/posts";
import { deleteSessionsDoneBefore } from "@/lib/data/sessions";
import { deleteIdempotencyKeysBefore } from "@/lib/data/idempotency-keys";
import { deleteAttachments, findOrphanAttachments } from "@/lib/data/attachments";
import { fileStore } from "@/lib/data/files/store";
import { deleteExpiredChallenges } from "@/lib/data/mfa-passkeys";

const DAY = 24 * 3_600_000;
export const retention = {
  sentOutboxDays: 7,
  deletedPostDays: 30,
  sessionDays: 31,
  orphanFileHours: 24,
  idempotencyKeyHours: 24,
} as const;

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

/** An Idempotency-Key answers retries for 24 hours; after that, the same key is a new request. */
export async function cleanupIdempotencyKeys(now: Date) {
  const before = new Date(now.getTime() - retention.idempotencyKeyHours * 3_600_000);
  return (await deleteIdempotencyKeysBefore(await getDb(), before)).count;
}

/** Passkey challenges live five minutes; those never answered (a closed prompt, an abandoned sign-in) go here. */
export async function cleanupPasskeyChallenges(now: Date) {
  return (await deleteExpiredChallenges(await getDb(), now)).count;
}

/**
 * Files never attached within 24 h, and those of purged posts (purging detaches them): their bytes — the original and
 * every derived file (`<key>.*`: cleaned image, thumbnail, cached transforms) — leave the store first, then the rows,
 * so a run stopped half-way is finished by the next one.
 */
export async function cleanupOrphanFiles(now: Date, batch = 500) {
  const db = await getDb();
  const store = await fileStore();
  const before = new Date(now.getTime() - retention.orphanFileHours * 3_600_000);
  let removed = 0;
  let stored: { key: string }[] | undefined;
  for (;;) {
    const orphans = await findOrphanAttachments(db, before, batch);
    if (orphans.length === 0) break;
    stored ??= await store.list();
    const keys = new Set(orphans.map((o) => o.key));
    const doomed = stored.filter((f) => keys.has(f.key) || keys.has(f.key.slice(0, f.key.indexOf(".") >>> 0)));
    await store.delete([...new Set([...keys, ...doomed.map((f) => f.key)])]);
    removed += (
      await deleteAttachments(
        db,
        orphans.map((o) => o.id),
      )
    ).count;
    if (orphans.length < batch) break;
  }
  return removed;
}
