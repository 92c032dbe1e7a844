// The daily digest: at 08:00 in each person's time zone, one email listing what they have not read, if anything.
import { getDb } from "@/lib/data/db/client";
import { distinctTimeZones, findDigestCandidates, findDigestUser, setLastDigestAt } from "@/lib/data/catch-up";
import { appLink, sendEmail } from "../mail/send-email";
import { findUnreadPosts } from "./catch-up";

export const DIGEST_HOUR = 8;

function localParts(timeZone: string, at: Date): { hour: number; date: string } | null {
  try {
    const parts = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      hourCycle: "h23",
    }).formatToParts(at);
    const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
    return { hour: Number(get("hour")), date: `${get("year")}-${get("month")}-${get("day")}` };
  } catch {
    return null; // an unknown zone gets no digest rather than one at a wrong hour
  }
}

/** Who is due now: people whose local hour is DIGEST_HOUR and who got no digest in the last 20 hours. */
export async function findDigestRecipients(now: Date): Promise<string[]> {
  const db = await getDb();
  const zones = (await distinctTimeZones(db)).filter((tz) => localParts(tz, now)?.hour === DIGEST_HOUR);
  if (zones.length === 0) return [];
  return (await findDigestCandidates(db, zones, new Date(now.getTime() - 20 * 3_600_000))).map((u) => u.id);
}

/**
 * One digest for one person, once per local day (idempotency key); skipped when nothing is new. Each channel lists
 * what the person's level there asks for: every unread post (ALL), those that mention them (MENTIONS), none (NOTHING).
 */
export async function sendDigest(userId: string, now: Date) {
  const db = await getDb();
  const user = await findDigestUser(db, userId);
  if (!user) return { sent: false as const, reason: "no such user" };
  const since = user.lastDigestAt ?? new Date(now.getTime() - 24 * 3_600_000);
  const unread = await findUnreadPosts(user.id, { since, limit: 50, byLevel: true });
  if (unread.total === 0) return { sent: false as const, reason: "nothing new" };
  const day = localParts(user.timeZone, now)?.date ?? now.toISOString().slice(0, 10);
  const result = await sendEmail(
    "digest",
    {
      recipientName: user.name,
      total: unread.total,
      settingsUrl: appLink("/settings"),
      channels: unread.channels.map((c) => ({
        name: c.name,
        workspaceName: c.workspaceName,
        posts: c.posts.map((p) => ({
          title: p.title,
          authorName: p.author.name,
          url: appLink(`/w/${c.workspaceId}/p/${p.id}`),
        })),
      })),
    },
    { email: user.email, idempotencyKey: `digest/${user.id}/${day}` },
  );
  await setLastDigestAt(db, user.id, now);
  return { sent: true as const, duplicate: result.duplicate, posts: unread.total };
}
