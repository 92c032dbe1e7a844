// GET /invite?token= — the link from an invite email: which workspace and role; sign up or in, then accept.
import type { Metadata } from "next";
import Link from "next/link";
import { TokenButtonForm } from "@/app/_components/account-forms";
import { Time } from "@/app/_components/time";
import { LinkProblem, linkErrorMessage } from "@/app/_components/link-problem";
import { currentActor } from "@/app/_lib/session";
import { previewInvite } from "@/lib/domain/invites/preview-invite";
import { getMe } from "@/lib/domain/users/get-me";
import { signOutAction } from "../actions";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const gone = {
  accepted: "This invite was already used.",
  revoked: "This invite was revoked.",
  expired: "This invite has expired.",
} as const;
const article = (role: string) => (role === "ADMIN" || role === "OWNER" ? "an" : "a");

export default async function InvitePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token: raw } = await searchParams;
  const token = typeof raw === "string" ? raw : "";
  const actor = await currentActor();
  let invite: Awaited<ReturnType<typeof previewInvite>>;
  try {
    invite = await previewInvite(token);
  } catch (error) {
    const message = linkErrorMessage(error);
    if (message === null) throw error;
    return (
      <LinkProblem
        title="This invite link does not work"
        message={`${message} Ask the person who invited you for a new invite.`}
        action={{ href: actor ? "/w" : "/", label: actor ? "Go to your workspaces" : "Go to Tidings" }}
      />
    );
  }
  const me = actor ? await getMe(actor) : null;
  const here = `/invite?token=${encodeURIComponent(token)}`;
  const role = invite.role.toLowerCase();

  if (invite.status !== "pending") {
    // Already used, by this very person: the workspace is theirs already.
    const mine = invite.status === "accepted" && me?.email.toLowerCase() === invite.email.toLowerCase();
    return mine ? (
      <LinkProblem
        title={`You are in ${invite.workspaceName}`}
        message="You accepted this invite already."
        action={{ href: `/w/${invite.workspaceId}`, label: `Open ${invite.workspaceName}` }}
      />
    ) : (
      <LinkProblem
        title="This invite can no longer be used"
        message={`${gone[invite.status]} Ask the person who invited you for a new invite.`}
        action={{ href: me ? "/w" : "/", label: me ? "Go to your workspaces" : "Go to Tidings" }}
      />
    );
  }

  return (
    <>
      <p className="text-sm font-medium text-accent-700">You are invited</p>
      <h1 className="mt-1 text-xl font-semibold">Join {invite.workspaceName}</h1>
      <p className="mt-2 text-sm text-stone-600">
        {invite.inviterName ? `${invite.inviterName} invited you` : "You are invited"} as {article(invite.role)}{" "}
        <strong className="font-medium text-stone-800">{role}</strong>. The invite is for{" "}
        <strong className="font-medium text-stone-800">{invite.email}</strong>.
      </p>
      <div className="mt-6">
        {!me ? (
          // Whoever has the address already gets "sign in" first; someone new gets "create an account".
          <div className={`flex gap-3 ${invite.hasAccount ? "flex-col-reverse" : "flex-col"}`}>
            <Link
              href={`/signup?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}
              className={invite.hasAccount ? "btn-secondary w-full" : "btn-primary w-full"}
            >
              Create an account to accept
            </Link>
            <Link
              href={`/signin?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invite.email)}`}
              className={invite.hasAccount ? "btn-primary w-full" : "btn-secondary w-full"}
            >
              {invite.hasAccount ? "Sign in to accept" : "I already have an account"}
            </Link>
          </div>
        ) : me.email.toLowerCase() === invite.email.toLowerCase() ? (
          <TokenButtonForm
            action={acceptInviteAction}
            hidden={{ token }}
            label={`Accept and open ${invite.workspaceName}`}
            pendingText="Joining…"
            ariaLabel="Accept the invite"
          />
        ) : (
          <div role="alert" className="space-y-3">
            <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
              You are signed in as {me.email}. Sign out, then sign in (or sign up) as {invite.email} to accept.
            </p>
            <form action={signOutAction}>
              <button type="submit" className="btn-secondary w-full">
                Sign out
              </button>
            </form>
          </div>
        )}
      </div>
      <p className="mt-6 text-xs text-stone-600">
        This invite expires <Time date={invite.expiresAt} />.
      </p>
    </>
  );
}
