import { getDb } from "@/lib/data/db/client";
import { listMail } from "@/lib/data/mail/messages";
import { devMailboxEnabled, mailTransport } from "@/lib/data/mail/transport";

/** The dev mailbox's messages, newest first; null when it is not shown (the page then 404s). */
export async function readDevMailbox(limit = 50) {
  if (!devMailboxEnabled()) return null;
  return listMail(await getDb(), limit);
}

/** Emails kept in the dev mailbox while no page shows them reach nobody: said at start-up and in /api/health. */
export async function unreadMailProblem(): Promise<string | undefined> {
  if ((await mailTransport()).name === "resend" || devMailboxEnabled()) return undefined;
  return "emails are kept in the database but no one can read them: set RESEND_API_KEY (or DEV_MAILBOX=on on a private server)";
}
