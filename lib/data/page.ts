// How a query asks for one page of a list (the cursors themselves are lib/domain/pagination.ts').
import "server-only";

/** A page of a list sorted newest first: at most `take` rows older than the row with this (createdAt, id), if given. */
export type TimePage = { take: number; after?: { createdAt: Date; id: string } };

/** A page of a list sorted by a name, then id: at most `take` rows after the row with this (name, id), if given. */
export type NamePage = { take: number; after?: { name: string; id: string } };

/** The rows after `after` in (createdAt desc, id desc) order. */
export const olderThan = (after: TimePage["after"]) =>
  after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {};
