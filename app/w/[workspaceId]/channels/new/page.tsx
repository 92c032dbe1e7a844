import type { Metadata } from "next";
import { NewChannelForm } from "@/app/_components/channel-forms";
import { loadWorkspace } from "@/app/_lib/loaders";
import { canCreateChannel } from "@/lib/domain/policy";
import { notFound } from "next/navigation";
import { createChannelAction } from "../actions";

export const metadata: Metadata = { title: "New channel" };

export default async function NewChannelPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  const { actor } = await loadWorkspace(workspaceId);
  const allowed = {
    PUBLIC: canCreateChannel(actor, workspaceId, "PUBLIC"),
    PRIVATE: canCreateChannel(actor, workspaceId, "PRIVATE"),
    ANNOUNCEMENT: canCreateChannel(actor, workspaceId, "ANNOUNCEMENT"),
  };
  if (!allowed.PUBLIC) notFound();
  return (
    <div className="mx-auto max-w-2xl px-4 py-6 md:px-8">
      <h1 className="text-xl font-semibold">New channel</h1>
      <p className="mt-1 text-sm text-stone-600">A channel gathers the posts about one topic, project or team.</p>
      <div className="card mt-6 p-5">
        <NewChannelForm action={createChannelAction} workspaceId={workspaceId} allowed={allowed} />
      </div>
    </div>
  );
}
