// What the daily digest lists of each followed channel, per the person's notification level there.
import type { NotifyLevel } from "../notifications/channel-settings";

type Followed = { channelId: string; lastReadAt: Date | null; notifyLevel: NotifyLevel };
export type Cutoff = { channelId: string; after: Date | null; mentionsOnly: boolean };

const later = (a: Date | null, b: Date | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Per followed channel, which posts count as unread: those after max(lastReadAt, `since`). With `byLevel` (the
 * digest): ALL → all of them, MENTIONS → only those that mention the person, NOTHING → none (the channel is left
 * out). Without it (Catch up): everything unread, whatever the level.
 */
export function unreadCutoffs(followed: Followed[], options: { since?: Date | null; byLevel?: boolean }): Cutoff[] {
  return followed
    .filter((f) => !options.byLevel || f.notifyLevel !== "NOTHING")
    .map((f) => ({
      channelId: f.channelId,
      after: later(f.lastReadAt, options.since ?? null),
      mentionsOnly: options.byLevel === true && f.notifyLevel === "MENTIONS",
    }));
}
