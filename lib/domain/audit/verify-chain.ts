// Walks a workspace's audit chain from its first row and reports the first row that does not hold: a gap in seq (a
// row removed), a prevHash that is not the previous row's hash (rows removed or reordered), or a hash that does not
// match the row's own fields (a row changed). Removing the newest rows leaves a shorter valid chain: compare the head
// hash it reports with one noted earlier to catch that.
import "server-only";
import { getDb, type DbOrTx } from "@/lib/data/db/client";
import { listAuditEventsInChainOrder, listAuditedWorkspaceIds } from "@/lib/data/audit-events";
import { auditHash, GENESIS_HASH } from "./chain";

const PAGE = 1_000;

export type ChainBreak = { seq: number; id: string; reason: string };
export type ChainReport = {
  workspaceId: string;
  /** Rows checked (up to and including the broken one). */
  rows: number;
  /** The hash of the last row checked: the chain's head when it is intact. */
  head: string;
  broken: ChainBreak | null;
};

export async function verifyAuditChain(workspaceId: string, db?: DbOrTx): Promise<ChainReport> {
  const client = db ?? (await getDb());
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let rows = 0;
  for (;;) {
    const page = await listAuditEventsInChainOrder(client, workspaceId, {}, { take: PAGE, afterSeq: expectedSeq - 1 });
    for (const row of page) {
      rows++;
      const brokenAt = (reason: string): ChainReport => ({
        workspaceId,
        rows,
        head: prevHash,
        broken: { seq: row.seq, id: row.id, reason },
      });
      if (row.seq !== expectedSeq)
        return brokenAt(`expected seq ${expectedSeq}, found ${row.seq}: a row is missing before it`);
      if (row.prevHash !== prevHash)
        return brokenAt("its prevHash is not the previous row's hash: rows were removed, reordered or changed");
      if (auditHash(row) !== row.hash) return brokenAt("its hash does not match its contents: the row was changed");
      prevHash = row.hash;
      expectedSeq++;
    }
    if (page.length < PAGE) return { workspaceId, rows, head: prevHash, broken: null };
  }
}

/** Every workspace that has an audit log. */
export async function verifyAllAuditChains(db?: DbOrTx): Promise<ChainReport[]> {
  const client = db ?? (await getDb());
  const reports: ChainReport[] = [];
  for (const id of await listAuditedWorkspaceIds(client)) reports.push(await verifyAuditChain(id, client));
  return reports;
}
