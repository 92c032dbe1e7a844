// Every background function, served at /api/inngest and run by the embedded executor alike.
import { cleanupFn } from "./cleanup";
import { dailyDigestFn } from "./daily-digest";
import { notifyMentionsFn } from "./notify-mentions";
import { outboxSweepFn } from "./outbox-sweep";
import { sendAccountExistsEmailFn } from "./send-account-exists-email";
import { processAttachmentFn } from "./process-attachment";
import { sendInviteEmailFn } from "./send-invite-email";
import { sendMagicLinkEmailFn } from "./send-magic-link-email";
import { sendPasswordResetEmailFn } from "./send-password-reset-email";
import { sendSecurityNoticeFn } from "./send-security-notice";
import { sendVerificationEmailFn } from "./send-verification-email";

export const functions = [
  sendVerificationEmailFn,
  sendPasswordResetEmailFn,
  sendMagicLinkEmailFn,
  sendAccountExistsEmailFn,
  sendSecurityNoticeFn,
  sendInviteEmailFn,
  notifyMentionsFn,
  dailyDigestFn,
  cleanupFn,
  outboxSweepFn,
  processAttachmentFn,
];
