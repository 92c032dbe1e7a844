// The top bar of the pages outside a workspace (workspace list, settings): logo home, who is signed in, sign out.
import Link from "next/link";
import { signOutAction } from "@/app/(auth)/actions";
import { Avatar } from "./avatar";
import { Logo } from "./icons";
import { SignOutButton } from "./sign-out-button";

export function AccountHeader({ name }: { name: string }) {
  return (
    <header className="border-b border-stone-200 bg-white">
      <div className="mx-auto flex max-w-3xl items-center gap-2 px-4 py-3">
        <Link href="/w" className="flex items-center gap-2 font-semibold">
          <Logo /> Tidings
        </Link>
        <div className="ml-auto flex items-center gap-2 text-sm">
          <Avatar name={name} size="size-7" />
          <span className="hidden sm:inline">{name}</span>
          <SignOutButton action={signOutAction} />
        </div>
      </div>
    </header>
  );
}
