import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Avatar } from "@/app/_components/avatar";
import { EditChannelForm } from "@/app/_components/channel-forms";
import { AddChannelMemberForm } from "@/app/_components/channel-people";
import { kindLabel } from "@/app/_components/icons";
import { SimpleAction } from "@/app/_components/simple-action";
import { loadWorkspace } from "@/app/_lib/loaders";
import { orNotFound } from "@/app/_lib/session";
import { listChannelMembers } from "@/lib/domain/channels/channel-people";
import { getChannelOrThrow } from "@/lib/domain/channels/get-channel";
import { listMembers } from "@/lib/domain/members/list-members";
import { canManageChannel, canManageChannelMembers } from "@/lib/domain/policy";
import {
  addChannelMemberAction,
  archiveChannelAction,
  editChannelAction,
  removeChannelMemberAction,
} from "../../../channels/actions";

export const metadata: Metadata = { title: "Channel settings" };

export default async function ChannelSettingsPage({
  params,
}: {
  params: Promise<{ workspaceId: string; channelId: string }>;
}) {
  const { workspaceId, channelId } = await params;
  const { actor } = await loadWorkspace(workspaceId);
  const channel = await orNotFound(getChannelOrThrow(actor, workspaceId, channelId));
  // Admins manage everything; members of a private channel manage its people only.
  const admin = canManageChannel(actor, channel);
  if (!admin && !canManageChannelMembers(actor, channel)) notFound();
  const ids = { workspaceId, channelId };
  const archived = channel.archivedAt !== null;
  // Private channels get all their people here; public and announcement ones (joined freely by members) their guests,
  // who see only the channels they were added to.
  const isPrivate = channel.kind === "PRIVATE";
  const manages = canManageChannelMembers(actor, channel);
  const inWorkspace = !archived && (isPrivate || manages) ? await listMembers(actor, workspaceId) : [];
  const guestIds = new Set(inWorkspace.filter((m) => m.role === "GUEST").map((m) => m.userId));
  const members = isPrivate || manages ? await listChannelMembers(actor, workspaceId, channelId) : null;
  const people = members && (isPrivate ? members : members.filter((p) => guestIds.has(p.id)));
  const inChannel = new Set(members?.map((p) => p.id));
  const candidates = inWorkspace
    .filter((m) => !inChannel.has(m.userId) && (isPrivate || m.role === "GUEST"))
    .map((m) => ({ id: m.userId, name: m.name, handle: m.handle }));
  return (
    <div className="mx-auto max-w-2xl px-4 py-6 md:px-8">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={`/w/${workspaceId}/c/${channelId}`} className="link">
          ← #{channel.name}
        </Link>
      </nav>
      <h1 className="mt-2 text-xl font-semibold">{admin ? "Channel settings" : "People in #" + channel.name}</h1>
      <p className="mt-1 text-sm text-stone-600">
        {kindLabel[channel.kind]}.{" "}
        {admin
          ? "The kind of a channel cannot be changed."
          : "As one of its members you can add people to it; an admin can rename or archive it."}
      </p>

      {admin && (
        <section className="card mt-6 p-5" aria-labelledby="rename-heading">
          <h2 id="rename-heading" className="mb-4 font-semibold">
            Name and description
          </h2>
          <EditChannelForm
            action={editChannelAction}
            workspaceId={workspaceId}
            channelId={channelId}
            name={channel.name}
            description={channel.description}
          />
        </section>
      )}

      {people && (
        <section className="card mt-6 p-5" aria-labelledby="people-heading">
          <h2 id="people-heading" className="font-semibold">
            {isPrivate ? "People in this channel" : "Guests in this channel"}
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            {isPrivate
              ? "Only the people listed here can see this private channel."
              : "Every member can see and join this channel; guests see it only once they are added here."}
          </p>
          {people.length === 0 ? (
            <p className="mt-4 text-sm text-stone-600">No guests yet.</p>
          ) : (
            <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200">
              {people.map((p) => (
                <li key={p.id} className="flex items-center gap-3 px-3 py-2">
                  <Avatar name={p.name} size="size-7" />
                  <div className="min-w-0 flex-1 text-sm">
                    <div className="truncate font-medium">
                      {p.name} {p.id === actor.userId && <span className="font-normal text-stone-600">(you)</span>}
                    </div>
                    <div className="truncate text-stone-600">@{p.handle}</div>
                  </div>
                  {canManageChannelMembers(actor, channel) && (
                    <SimpleAction
                      action={removeChannelMemberAction}
                      hidden={{ ...ids, userId: p.id }}
                      label="Remove"
                      srLabel={`${p.name} from #${channel.name}`}
                      pendingText="Removing…"
                      className="btn-ghost px-2 py-1 text-sm"
                      confirm={
                        p.id === actor.userId
                          ? `Leave #${channel.name}? You will no longer see it.`
                          : `Remove ${p.name} from #${channel.name}?`
                      }
                    />
                  )}
                </li>
              ))}
            </ul>
          )}
          {!archived && manages && (
            <div className="mt-4">
              {candidates.length > 0 ? (
                <AddChannelMemberForm
                  action={addChannelMemberAction}
                  workspaceId={workspaceId}
                  channelId={channelId}
                  candidates={candidates}
                />
              ) : (
                <p className="text-sm text-stone-600">
                  {isPrivate
                    ? "Everyone in the workspace is already in this channel."
                    : "Every guest of the workspace is already in this channel."}
                </p>
              )}
            </div>
          )}
        </section>
      )}

      {admin && (
        <section className="card mt-6 p-5" aria-labelledby="archive-heading">
          <h2 id="archive-heading" className="font-semibold">
            {archived ? "Unarchive" : "Archive"}
          </h2>
          <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
            <p className="max-w-md text-sm text-stone-600">
              {archived
                ? "This channel is archived: it is read-only and listed under Archived. Unarchiving reopens it for posts and comments."
                : "Archiving makes the channel read-only and moves it under Archived in the sidebar. Nothing is deleted, and you can unarchive it later."}
            </p>
            <SimpleAction
              action={archiveChannelAction}
              hidden={{ ...ids, archived: archived ? "false" : "true" }}
              label={archived ? "Unarchive channel" : "Archive channel"}
              pendingText={archived ? "Unarchiving…" : "Archiving…"}
              className={archived ? "btn-secondary" : "btn-danger"}
            />
          </div>
        </section>
      )}
    </div>
  );
}
