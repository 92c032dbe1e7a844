// Hourly: whoever is at 08:00 local time gets one digest of what they have not read (nothing new → no email).
import { findDigestRecipients, sendDigest } from "@/lib/domain/digest/send-digest";
import { cron } from "inngest";
import { inngest } from "../client";

export const dailyDigestFn = inngest.createFunction(
  { id: "daily-digest", retries: 3, triggers: [cron("0 * * * *")] },
  async ({ step }) => {
    // The run's clock is memoized: a retry later in the hour still works on the same "now".
    const now = await step.run("now", () => new Date().toISOString());
    const userIds = await step.run("find-recipients", () => findDigestRecipients(new Date(now)));
    const results = await Promise.all(
      userIds.map((id) => step.run(`digest-${id}`, () => sendDigest(id, new Date(now)))),
    );
    return { due: userIds.length, sent: results.filter((r) => r.sent).length };
  },
);
