import Link from "next/link";
import { redirect } from "next/navigation";
import { ChatIcon, HashIcon, KeyIcon, Logo, MegaphoneIcon } from "./_components/icons";
import { currentActor } from "./_lib/session";

export const dynamic = "force-dynamic";

const features = [
  {
    icon: HashIcon,
    title: "Channels by topic",
    text: "Public, private and announcement channels keep each conversation where it belongs.",
  },
  {
    icon: ChatIcon,
    title: "Posts, not pings",
    text: "Write a titled post in Markdown; people reply in comments when they are ready.",
  },
  {
    icon: MegaphoneIcon,
    title: "Roles that mean something",
    text: "Owners, admins, members and guests — each sees and does exactly what they should.",
  },
  {
    icon: KeyIcon,
    title: "A real API",
    text: "Scoped tokens and a documented REST API for your scripts and internal tools.",
  },
];

export default async function Landing() {
  if (await currentActor()) redirect("/w");
  return (
    <div className="min-h-dvh">
      <header className="mx-auto flex max-w-5xl items-center gap-2 px-4 py-4 sm:px-6">
        <Logo />
        <span className="text-lg font-semibold">Tidings</span>
        <nav aria-label="Account" className="ml-auto flex items-center gap-2">
          <Link href="/signin" className="btn-ghost">
            Sign in
          </Link>
          <Link href="/signup" className="btn-primary">
            Sign up
          </Link>
        </nav>
      </header>
      <main id="main">
        <section className="mx-auto max-w-5xl px-4 pt-12 pb-16 sm:px-6 sm:pt-20">
          <h1 className="max-w-2xl text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Calm, written conversations for small teams.
          </h1>
          <p className="mt-5 max-w-xl text-lg text-stone-600">
            Tidings is where your team talks asynchronously: workspaces hold channels, channels hold posts, and posts
            gather comments — so nothing important scrolls away.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/signup" className="btn-primary px-5 py-2.5 text-base">
              Create a free account
            </Link>
            <Link href="/signin" className="btn-secondary px-5 py-2.5 text-base">
              I have an account
            </Link>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="border-t border-stone-200 bg-white">
          <h2 id="features-heading" className="sr-only">
            Features
          </h2>
          <ul className="mx-auto grid max-w-5xl gap-8 px-4 py-12 sm:grid-cols-2 sm:px-6 lg:grid-cols-4">
            {features.map(({ icon: Icon, title, text }) => (
              <li key={title}>
                <span className="inline-flex size-9 items-center justify-center rounded-lg bg-accent-50 text-accent-700">
                  <Icon className="size-5" />
                </span>
                <h3 className="mt-3 font-semibold">{title}</h3>
                <p className="mt-1 text-sm text-stone-600">{text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-stone-600 sm:px-6">
        Runs on one machine with no accounts, or on managed services. The API reference is at{" "}
        <code className="font-mono">/api/v1/openapi.json</code>.
      </footer>
    </div>
  );
}
