// Linked provider identities (Account rows): lookups and writes, no decisions (lib/domain/accounts decides).
import "server-only";
import type { DbOrTx } from "./db/client";

const accountSelect = {
  id: true,
  userId: true,
  provider: true,
  providerAccountId: true,
  email: true,
  createdAt: true,
  lastUsedAt: true,
} as const;

export function findAccount(db: DbOrTx, provider: string, providerAccountId: string) {
  return db.account.findUnique({
    where: { provider_providerAccountId: { provider, providerAccountId } },
    select: accountSelect,
  });
}

export function insertAccount(
  db: DbOrTx,
  data: { userId: string; provider: string; providerAccountId: string; email: string | null },
) {
  return db.account.create({ data: { ...data, lastUsedAt: new Date() }, select: accountSelect });
}

export function touchAccount(db: DbOrTx, id: string, at: Date) {
  return db.account.update({ where: { id }, data: { lastUsedAt: at }, select: { id: true } });
}

export function listUserAccounts(db: DbOrTx, userId: string) {
  return db.account.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: accountSelect });
}

export function deleteUserAccount(db: DbOrTx, userId: string, id: string) {
  return db.account.deleteMany({ where: { id, userId } });
}

export function countUserAccounts(db: DbOrTx, userId: string) {
  return db.account.count({ where: { userId } });
}
