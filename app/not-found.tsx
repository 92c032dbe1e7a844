import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "./_components/icons";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <main
      id="main"
      className="mx-auto flex min-h-[60dvh] max-w-md flex-col items-center justify-center px-4 py-16 text-center"
    >
      <Logo className="size-10" />
      <p className="mt-6 text-sm font-medium tracking-wide text-accent-700 uppercase">404</p>
      <h1 className="mt-1 text-2xl font-semibold">This page could not be found</h1>
      <p className="mt-2 text-stone-600">
        It may have been deleted, or it belongs to a workspace or channel you are not part of.
      </p>
      <Link href="/w" className="btn-primary mt-6">
        Go to your workspaces
      </Link>
    </main>
  );
}
