import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Avatar } from "@/app/_components/avatar";
import { InviteForm } from "@/app/_components/invite-forms";
import { RoleForm } from "@/app/_components/member-controls";
import { SimpleAction } from "@/app/_components/simple-action";
import { Time } from "@/app/_components/time";
import { loadWorkspace } from "@/app/_lib/loaders";
import { listInvites } from "@/lib/domain/invites/manage-invites";
import { listMembers } from "@/lib/domain/members/list-members";
import { canChangeRole, canInvite, canListMembers, canRemoveMember } from "@/lib/domain/policy";
import { roles } from "@/lib/validation/enums";
import {
  changeRoleAction,
  createInviteAction,
  removeMemberAction,
  resendInviteAction,
  revokeInviteAction,
} from "./actions";

export const metadata: Metadata = { title: "Members" };

const roleBadge = {
  OWNER: "bg-accent-100 text-accent-800",
  ADMIN: "bg-sky-100 text-sky-800",
  MEMBER: "bg-stone-100 text-stone-700",
  GUEST: "bg-amber-100 text-amber-800",
} as const;

/** "7 days", "5 hours": a countdown reads better than "next week" for a deadline. */
function timeLeft(at: Date) {
  const hours = Math.max(1, Math.round((at.getTime() - Date.now()) / 3_600_000));
  const days = Math.round(hours / 24);
  return hours < 36 ? `${hours} hour${hours === 1 ? "" : "s"}` : `${days} days`;
}

export default async function MembersPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  if (!canListMembers(actor, workspaceId)) notFound();
  const members = await listMembers(actor, workspaceId);
  const mayInvite = canInvite(actor, workspaceId);
  const invites = mayInvite ? await listInvites(actor, workspaceId) : [];
  // The last owner can neither leave nor be removed: the button would only ever fail.
  const lastOwner = members.filter((m) => m.role === "OWNER").length === 1;

  return (
    <div className="mx-auto max-w-4xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">Members</h1>
      <p className="mt-1 text-sm text-stone-600">
        {members.length} {members.length === 1 ? "person" : "people"} in {workspace.name}. Owners and admins manage
        roles; only owners can make or change owners.
      </p>
      {mayInvite && (
        <section className="card mt-6 p-5" aria-labelledby="invite-heading">
          <h2 id="invite-heading" className="font-semibold">
            Invite people
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            They get an email with a link that works for 7 days.{members.length === 1 ? " It's just you so far." : ""}
          </p>
          <InviteForm
            action={createInviteAction}
            workspaceId={workspaceId}
            roles={roles.filter((r) => canInvite(actor, workspaceId, r))}
          />
        </section>
      )}
      {invites.length > 0 && (
        <section className="mt-6" aria-labelledby="pending-heading">
          <h2 id="pending-heading" className="font-semibold">
            Pending invites
          </h2>
          <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {invites.map((i) => (
              <li key={i.id} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center">
                <div className="min-w-0 flex-1 text-sm">
                  <div className="truncate font-medium">{i.email}</div>
                  <div className="text-stone-600">
                    {i.role.toLowerCase()} ·{" "}
                    {i.status === "expired" ? (
                      <span className="font-medium text-amber-700">
                        expired <Time date={i.expiresAt} />
                      </span>
                    ) : (
                      <time
                        dateTime={i.expiresAt.toISOString()}
                        title={i.expiresAt.toISOString().replace("T", " ").slice(0, 16) + " UTC"}
                      >
                        expires in {timeLeft(i.expiresAt)}
                      </time>
                    )}
                  </div>
                </div>
                <div className="flex flex-wrap items-start gap-2 sm:justify-end">
                  <SimpleAction
                    action={resendInviteAction}
                    hidden={{ workspaceId, inviteId: i.id }}
                    label="Resend"
                    srLabel={`invite to ${i.email}`}
                    pendingText="Sending…"
                    className="btn-secondary py-1.5"
                  />
                  <SimpleAction
                    action={revokeInviteAction}
                    hidden={{ workspaceId, inviteId: i.id }}
                    label="Revoke"
                    srLabel={`invite to ${i.email}`}
                    pendingText="Revoking…"
                    className="btn-danger py-1.5"
                    confirm={`Revoke the invite to ${i.email}? The link stops working.`}
                  />
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <h2 className="mt-8 font-semibold">People</h2>
      <ul className="mt-3 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
        {members.map((m) => {
          const target = { userId: m.userId, role: m.role };
          const options = roles.filter((r) => r === m.role || canChangeRole(actor, workspaceId, target, r));
          const self = m.userId === actor.userId;
          return (
            <li key={m.userId} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center">
              <div className="flex min-w-0 flex-1 items-center gap-3">
                <Avatar name={m.name} />
                <div className="min-w-0 text-sm">
                  <div className="truncate font-medium">
                    {m.name} {self && <span className="font-normal text-stone-600">(you)</span>}
                  </div>
                  <div className="truncate text-stone-600">
                    @{m.handle} · {m.email} · joined <Time date={m.joinedAt} />
                  </div>
                </div>
              </div>
              <div className="flex flex-wrap items-start gap-2 sm:justify-end">
                {options.length > 1 ? (
                  <RoleForm
                    action={changeRoleAction}
                    workspaceId={workspaceId}
                    userId={m.userId}
                    name={m.name}
                    current={m.role}
                    options={[...options]}
                  />
                ) : (
                  <span className={`rounded-full px-2.5 py-1 text-xs font-medium ${roleBadge[m.role]}`}>
                    {m.role.toLowerCase()}
                  </span>
                )}
                {canRemoveMember(actor, workspaceId, target) && !(lastOwner && m.role === "OWNER") && (
                  <SimpleAction
                    action={removeMemberAction}
                    hidden={{ workspaceId, userId: m.userId }}
                    label={self ? "Leave" : "Remove"}
                    srLabel={self ? workspace.name : m.name}
                    pendingText={self ? "Leaving…" : "Removing…"}
                    className="btn-danger py-1.5"
                    confirm={
                      self
                        ? `Leave ${workspace.name}? You will lose access to its channels.`
                        : `Remove ${m.name} from ${workspace.name}?`
                    }
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
