import Link from "next/link";
import { Logo } from "@/app/_components/icons";

export const dynamic = "force-dynamic";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center px-4 py-10 sm:justify-center">
      <header className="mb-8">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold">
          <Logo /> Tidings
        </Link>
      </header>
      <main id="main" className="card w-full max-w-sm p-6 sm:p-8">
        {children}
      </main>
    </div>
  );
}
