// An endpoint was turned off after failing for days: every admin and owner of its workspace gets one email.
import { getDb } from "@/lib/data/db/client";
import { findWorkspace } from "@/lib/data/workspaces";
import { findWebhookEndpoint, listWorkspaceAdmins } from "@/lib/data/webhooks";
import { appLink, sendEmail } from "../mail/send-email";

export async function emailWebhookDisabled(endpointId: string, idempotencyKey: string) {
  const db = await getDb();
  const endpoint = await findWebhookEndpoint(db, endpointId);
  if (!endpoint?.disabledAt) return { sent: 0 }; // deleted or turned back on since
  const workspace = await findWorkspace(db, endpoint.workspaceId);
  const admins = await listWorkspaceAdmins(db, endpoint.workspaceId);
  const settingsUrl = appLink(`/w/${endpoint.workspaceId}/webhooks`);
  for (const { user } of admins) {
    await sendEmail(
      "webhook-disabled",
      {
        name: user.name,
        workspaceName: workspace?.name ?? "your workspace",
        url: endpoint.url,
        failingSince: endpoint.failingSince ?? endpoint.disabledAt,
        settingsUrl,
      },
      { email: user.email, idempotencyKey: `${idempotencyKey}/${user.id}` },
    );
  }
  return { sent: admins.length };
}
