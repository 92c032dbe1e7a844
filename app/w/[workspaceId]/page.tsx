import Link from "next/link";
import { redirect } from "next/navigation";
import { loadChannels, loadWorkspace } from "@/app/_lib/loaders";
import { canCreateChannel } from "@/lib/domain/policy";

/** A workspace opens on #general, or its first active channel. */
export default async function WorkspaceHome({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor, workspace } = await loadWorkspace(workspaceId);
  const channels = (await loadChannels(workspaceId)).filter((c) => !c.archivedAt);
  const first = channels.find((c) => c.name === "general") ?? channels[0];
  if (first) redirect(`/w/${workspaceId}/c/${first.id}`);
  return (
    <div className="mx-auto max-w-xl px-4 py-16 text-center">
      <h1 className="text-xl font-semibold">{workspace.name} has no channels you can see yet</h1>
      {canCreateChannel(actor, workspaceId, "PUBLIC") ? (
        <>
          <p className="mt-2 text-stone-600">
            Channels hold the conversations. Start one for a topic, a project or a team.
          </p>
          <Link href={`/w/${workspaceId}/channels/new`} className="btn-primary mt-6">
            Create a channel
          </Link>
        </>
      ) : (
        <p className="mt-2 text-stone-600">Ask an admin of this workspace to add you to a channel.</p>
      )}
    </div>
  );
}
