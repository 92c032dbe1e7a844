import { getDb } from "@/lib/data/db";
import { listMail } from "@/lib/data/mail/messages";
import { devMailboxEnabled } from "@/lib/data/mail/transport";

/** The dev mailbox's messages, newest first; null when a real transport is configured (the page then 404s). */
export async function readDevMailbox(limit = 50) {
  if (!devMailboxEnabled()) return null;
  return listMail(await getDb(), limit);
}
