import type { Metadata } from "next";
import { WorkspaceShell } from "@/app/_components/workspace-shell";
import { signOutAction } from "@/app/(auth)/actions";
import { findWorkspace, loadChannels, loadShell, loadWorkspace } from "@/app/_lib/loaders";
import { notFoundMetadata } from "@/app/_lib/session";
import { resendVerificationAction } from "@/app/settings/actions";
import { markAllReadAction } from "./inbox/actions";
import { workspaceCounts } from "@/lib/domain/channels/list-channels";
import { unreadNotificationCount } from "@/lib/domain/notifications/list-notifications";
import {
  canCreateChannel,
  canCreateToken,
  canListMembers,
  canManageWebhooks,
  canReadAuditLog,
  canRestorePosts,
} from "@/lib/domain/policy";

type Params = { params: Promise<{ workspaceId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { workspace } = await findWorkspace((await params).workspaceId);
  if (!workspace) return notFoundMetadata;
  return { title: { default: workspace.name, template: `%s · ${workspace.name}` } };
}

export default async function WorkspaceLayout({ params, children }: Params & { children: React.ReactNode }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  const [{ me, workspaces }, channels, unread, counts] = await Promise.all([
    loadShell(),
    loadChannels(workspaceId),
    unreadNotificationCount(actor),
    workspaceCounts(actor, workspaceId),
  ]);
  return (
    <WorkspaceShell
      workspace={{ id: workspace.id, name: workspace.name, role: workspace.role }}
      workspaces={workspaces.map((w) => ({ id: w.id, name: w.name }))}
      channels={channels.map((c) => ({
        id: c.id,
        name: c.name,
        kind: c.kind,
        archived: c.archivedAt !== null,
        isMember: c.isMember,
        unread: counts.channels[c.id]?.unread ?? 0,
        mentions: counts.channels[c.id]?.mentions ?? 0,
      }))}
      inbox={counts.inbox}
      markAllRead={markAllReadAction}
      me={{ name: me.name, handle: me.handle, email: me.email, emailVerified: me.emailVerified }}
      unread={unread}
      resendVerification={resendVerificationAction}
      show={{
        members: canListMembers(actor, workspaceId),
        tokens: canCreateToken(actor, workspaceId),
        webhooks: canManageWebhooks(actor, workspaceId),
        audit: canReadAuditLog(actor, workspaceId),
        deleted: canRestorePosts(actor, workspaceId),
        newChannel: canCreateChannel(actor, workspaceId, "PUBLIC"),
      }}
      signOut={signOutAction}
    >
      {children}
    </WorkspaceShell>
  );
}
