// A file's bytes arrived: check, clean and preview it, and settle the attachment READY or REJECTED. A run killed
// half-way leaves the attachment PENDING; the retry finishes it (see lib/domain/files/process-attachment.ts).
import { processAttachment } from "@/lib/domain/files/process-attachment";
import { inngest } from "../client";
import { events } from "../events";

export const processAttachmentFn = inngest.createFunction(
  {
    id: "process-attachment",
    retries: 5,
    concurrency: { limit: 2 },
    triggers: [events["file/uploaded"]],
  },
  async ({ event, step }) => step.run("process", () => processAttachment(event.data.attachmentId)),
);
