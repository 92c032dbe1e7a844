// Embedded transport: the message is stored in MailMessage and read at /dev/mailbox. Unique key → never twice.
import "server-only";
import { getDb } from "../db/client";
import { recordMail } from "./messages";
import type { MailTransport } from "./transport";

export const devMailboxTransport: MailTransport = {
  name: "dev-mailbox",
  async send(mail) {
    return recordMail(await getDb(), { ...mail, transport: "dev-mailbox" });
  },
};
