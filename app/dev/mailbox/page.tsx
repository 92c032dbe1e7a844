// GET /dev/mailbox — the embedded mode's inbox: every email the app sent, newest first, HTML and plain text.
// Not found whenever a real transport (Resend) is configured.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Time } from "@/app/_components/time";
import { readDevMailbox } from "@/lib/domain/mail/dev-mailbox";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Dev mailbox" };

export default async function DevMailboxPage({ searchParams }: { searchParams: Promise<{ id?: string }> }) {
  const messages = await readDevMailbox();
  if (!messages) notFound();
  const { id } = await searchParams;
  const selected = messages.find((m) => m.id === id) ?? messages[0];
  return (
    <main id="main" className="mx-auto grid max-w-6xl gap-6 px-4 py-6 md:grid-cols-[minmax(16rem,1fr)_2fr]">
      <section aria-labelledby="mailbox-title" className="min-w-0">
        <h1 id="mailbox-title" className="text-xl font-semibold">
          Dev mailbox
        </h1>
        <p className="mt-1 text-sm text-stone-600">
          Every email Tidings sends lands here, because no mail service is configured (<code>RESEND_API_KEY</code>).
          Newest first; refresh for new mail.
        </p>
        {messages.length === 0 ? (
          <p className="card mt-4 p-4 text-sm text-stone-600">
            No emails yet. Sign up or invite someone and the email appears here within seconds.
          </p>
        ) : (
          <ul className="mt-4 divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white">
            {messages.map((m) => {
              const current = m.id === selected?.id;
              return (
                <li key={m.id}>
                  <Link
                    href={`/dev/mailbox?id=${m.id}`}
                    data-testid="mail-item"
                    aria-current={current ? "true" : undefined}
                    className={`block px-3 py-2 hover:bg-stone-50 ${current ? "bg-accent-50" : ""}`}
                  >
                    <span className={`block truncate text-sm ${current ? "font-semibold" : "font-medium"}`}>
                      {m.subject}
                    </span>
                    <span className="block truncate text-xs text-stone-600">
                      to {m.to} · <Time date={m.createdAt} />
                    </span>
                  </Link>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      {selected ? (
        <section aria-labelledby="message-title" className="min-w-0">
          <h2 id="message-title" className="text-lg font-semibold">
            {selected.subject}
          </h2>
          <p className="mt-1 text-sm text-stone-600">
            To {selected.to} · <Time date={selected.createdAt} />
          </p>
          {/* No scripts; links open in the page itself, as a click in a mail client would. */}
          <iframe
            title="HTML version"
            srcDoc={`<base target="_top">${selected.html}`}
            sandbox="allow-top-navigation-by-user-activation allow-popups"
            className="mt-3 h-[480px] w-full rounded-lg border border-stone-200 bg-white"
          />
          <h3 className="mt-4 text-sm font-semibold">Plain text</h3>
          <pre
            data-testid="mail-text"
            tabIndex={0}
            aria-label="Plain text version"
            className="mt-2 overflow-x-auto rounded-lg bg-stone-100 p-3 text-sm whitespace-pre-wrap [overflow-wrap:anywhere]"
          >
            {selected.text}
          </pre>
        </section>
      ) : null}
    </main>
  );
}
