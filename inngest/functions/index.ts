// Every background function, served at /api/inngest and run by the embedded executor alike.
import { cleanupFn } from "./cleanup";
import { dailyDigestFn } from "./daily-digest";
import { notifyFollowersFn } from "./notify-followers";
import { notifyMentionsFn } from "./notify-mentions";
import { outboxSweepFn } from "./outbox-sweep";
import { sendAccountExistsEmailFn } from "./send-account-exists-email";
import { processAttachmentFn } from "./process-attachment";
import { sendInviteEmailFn } from "./send-invite-email";
import { sendMagicLinkEmailFn } from "./send-magic-link-email";
import { sendPasswordResetEmailFn } from "./send-password-reset-email";
import { sendSecurityNoticeEmailFn } from "./send-security-notice-email";
import { sendVerificationEmailFn } from "./send-verification-email";
import { sendWebhookDisabledEmailFn } from "./send-webhook-disabled-email";
import { webhookDeliverFn } from "./webhook-deliver";
import { webhookFanOutFn } from "./webhook-fan-out";
import { updateInboxFn } from "./update-inbox";
import { webhookSweepFn } from "./webhook-sweep";

export const functions = [
  sendVerificationEmailFn,
  sendPasswordResetEmailFn,
  sendMagicLinkEmailFn,
  sendAccountExistsEmailFn,
  sendSecurityNoticeEmailFn,
  sendInviteEmailFn,
  notifyMentionsFn,
  notifyFollowersFn,
  updateInboxFn,
  dailyDigestFn,
  cleanupFn,
  outboxSweepFn,
  processAttachmentFn,
  webhookFanOutFn,
  webhookDeliverFn,
  webhookSweepFn,
  sendWebhookDisabledEmailFn,
];
