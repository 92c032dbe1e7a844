import type { Metadata } from "next";
import Link from "next/link";
import { ChevronIcon } from "@/app/_components/icons";
import { AccountHeader } from "@/app/_components/account-header";
import { CreateWorkspaceForm } from "@/app/_components/workspace-form";
import { loadShell } from "@/app/_lib/loaders";
import { createWorkspaceAction } from "./actions";

export const metadata: Metadata = { title: "Your workspaces" };

export default async function WorkspacesPage() {
  const { me, workspaces } = await loadShell();
  return (
    <div className="min-h-dvh">
      <AccountHeader name={me.name} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Your workspaces</h1>
        {workspaces.length === 0 ? (
          <p className="mt-2 text-stone-600">
            You are not in any workspace yet. Create one for your team below — you will be its owner — or ask a teammate
            to invite you.
          </p>
        ) : (
          <ul className="mt-6 space-y-2">
            {workspaces.map((w) => (
              <li key={w.id}>
                <Link
                  href={`/w/${w.id}`}
                  className="card flex items-center gap-3 px-4 py-3 hover:border-stone-300 hover:bg-stone-50"
                >
                  <span
                    className="inline-flex size-9 items-center justify-center rounded-lg bg-accent-100 font-semibold text-accent-800"
                    aria-hidden
                  >
                    {w.name.charAt(0).toUpperCase()}
                  </span>
                  <span className="min-w-0 flex-1">
                    <span className="block truncate font-medium">{w.name}</span>
                    <span className="block text-sm text-stone-600">
                      You are {w.role === "ADMIN" || w.role === "OWNER" ? "an" : "a"} {w.role.toLowerCase()}
                    </span>
                  </span>
                  <ChevronIcon className="size-4 text-stone-400" />
                </Link>
              </li>
            ))}
          </ul>
        )}
        <section className="card mt-8 p-5" aria-labelledby="new-ws">
          <h2 id="new-ws" className="font-semibold">
            Create a workspace
          </h2>
          <p className="mt-1 mb-4 text-sm text-stone-600">
            A workspace is a home for one team: its people, channels and posts. It starts with a #general channel.
          </p>
          <CreateWorkspaceForm action={createWorkspaceAction} autoFocus={workspaces.length === 0} />
        </section>
      </main>
    </div>
  );
}
