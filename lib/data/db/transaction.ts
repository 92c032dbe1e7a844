// Every domain transaction opens here (lint forbids `$transaction` elsewhere), so an API write sent with an
// Idempotency-Key inserts its key in the transaction of its effect: the two commit together or not at all, and a
// concurrent duplicate finds the key taken and makes no second effect. It also tells the request which outbox rows
// committed (trackOutboxRows), so that the relay can publish them after the response without reading them back.
import "server-only";
import { currentIdempotencyClaim, trackOutboxRows } from "@/lib/request-context";
import type { Db, Tx } from "./client";
import { insertIdempotencyKey } from "../idempotency-keys";

type Options = Parameters<Db["$transaction"]>[1] & {
  /**
   * The caller promises `fn` sends at most one write, as a single statement (reads may come before it): then, unless
   * an Idempotency-Key must join that write, it runs without BEGIN and COMMIT (one statement is atomic by itself),
   * which saves two round trips and a pooled connection's hold on a hot write.
   */
  singleWrite?: boolean;
};

export function transaction<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: Options): Promise<T> {
  return trackOutboxRows(() => run(db, fn, options));
}

async function run<T>(db: Db, fn: (tx: Tx) => Promise<T>, options?: Options): Promise<T> {
  const claim = currentIdempotencyClaim();
  const claiming = claim?.state === "pending" ? claim : undefined;
  const { singleWrite, ...txOptions } = options ?? {};
  if (singleWrite && !claiming) return fn(db);
  const result = await db.$transaction(async (tx) => {
    if (claiming) {
      const { caller, key, fingerprint } = claiming;
      await insertIdempotencyKey(tx, { caller, key, fingerprint });
    }
    return fn(tx);
  }, txOptions);
  if (claiming) claiming.state = "committed";
  return result;
}
