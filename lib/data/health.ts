import "server-only";
import type { DbOrTx } from "./db/client";

export async function pingDatabase(db: DbOrTx): Promise<void> {
  await db.$queryRaw`SELECT 1`;
}

export async function outboxBacklog(db: DbOrTx) {
  const [pending, dead] = await Promise.all([
    db.outboxEvent.count({ where: { status: "PENDING" } }),
    db.outboxEvent.count({ where: { status: "DEAD" } }),
  ]);
  return { pending, dead };
}
