"use client";
// The signed-in frame: a sidebar (workspace switcher, channels, members, tokens, audit log, account) that is fixed on
// wide screens and a drawer behind a menu button on narrow ones.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useId, useState } from "react";
import { Avatar } from "./avatar";
import {
  AuditIcon,
  BellIcon,
  CatchUpIcon,
  ChannelIcon,
  ChevronIcon,
  GearIcon,
  InboxIcon,
  GlobeIcon,
  KeyIcon,
  Logo,
  MenuIcon,
  CloseIcon,
  PlusIcon,
  TrashIcon,
  UsersIcon,
  kindLabel,
} from "./icons";
import { VerifyBanner } from "./verify-banner";
import type { ActionState } from "@/lib/http/action";
import { SignOutButton } from "./sign-out-button";
import { LiveRefresh } from "./live-refresh";
import { SearchBox } from "./search-box";
import { SimpleAction } from "./simple-action";

export type ShellChannel = {
  id: string;
  name: string;
  kind: "PUBLIC" | "PRIVATE" | "ANNOUNCEMENT";
  archived: boolean;
  isMember: boolean;
  /** Posts by others since the reader last opened the channel, and mentions of them among those (0: not following). */
  unread: number;
  mentions: number;
};

type Props = {
  workspace: { id: string; name: string; role: string };
  workspaces: { id: string; name: string }[];
  channels: ShellChannel[];
  me: { name: string; handle: string; email: string; emailVerified: boolean };
  unread: number;
  /** Posts in the reader's Inbox. */
  inbox: number;
  markAllRead: (prev: ActionState<{ channels: number }>, form: FormData) => Promise<ActionState<{ channels: number }>>;
  resendVerification: (
    prev: ActionState<{ alreadyVerified: boolean }>,
    form: FormData,
  ) => Promise<ActionState<{ alreadyVerified: boolean }>>;
  show: { members: boolean; tokens: boolean; webhooks: boolean; audit: boolean; deleted: boolean; newChannel: boolean };
  signOut: () => Promise<void>;
  children: React.ReactNode;
};

export function WorkspaceShell({
  workspace,
  workspaces,
  channels,
  me,
  unread,
  inbox,
  markAllRead,
  resendVerification,
  show,
  signOut,
  children,
}: Props) {
  const pathname = usePathname();
  // The drawer remembers the page it was opened on: following a link closes it, with no effect needed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const setOpen = (value: boolean) => setOpenOn(value ? pathname : null);
  const drawerId = useId();
  // `/` on a narrow screen opens the drawer the search box lives in (a no-op on wide screens, where it always shows).
  const openDrawer = useCallback(() => setOpenOn(pathname), [pathname]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpenOn(null);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    // The sidebar's colour and border are painted by the grid too, so they run the full height of long pages.
    <div className="min-h-dvh md:grid md:grid-cols-[16rem_1fr] md:bg-[linear-gradient(to_right,var(--color-stone-100)_calc(16rem-1px),var(--color-stone-200)_calc(16rem-1px),var(--color-stone-200)_16rem,transparent_16rem)]">
      <LiveRefresh />
      <header className="sticky top-0 z-30 flex items-center gap-2 border-b border-stone-200 bg-white/95 px-3 py-2 backdrop-blur md:hidden">
        <button
          type="button"
          className="btn-ghost px-2"
          aria-expanded={open}
          aria-controls={drawerId}
          onClick={() => setOpen(true)}
        >
          <MenuIcon className="size-5" />
          <span className="sr-only">Open menu</span>
        </button>
        <Logo className="size-6" />
        <span className="truncate font-semibold">{workspace.name}</span>
      </header>

      {open && (
        <div className="fixed inset-0 z-40 bg-stone-900/40 md:hidden" aria-hidden onClick={() => setOpen(false)} />
      )}

      <aside
        id={drawerId}
        aria-label="Workspace navigation"
        className={`fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] flex-col border-r border-stone-200 bg-stone-100 transition-transform md:sticky md:top-0 md:z-auto md:h-dvh md:w-auto md:max-w-none md:translate-x-0 ${open ? "translate-x-0 shadow-xl" : "-translate-x-full"}`}
      >
        <div className="flex items-center gap-2 px-4 pt-4 pb-3">
          <Link href="/w" className="flex items-center gap-2 rounded-md font-semibold text-stone-900">
            <Logo className="size-7" />
            <span>Tidings</span>
          </Link>
          <button type="button" className="btn-ghost ml-auto px-2 md:hidden" onClick={() => setOpen(false)}>
            <CloseIcon className="size-5" />
            <span className="sr-only">Close menu</span>
          </button>
        </div>
        <WorkspaceSwitcher current={workspace.id} workspaces={workspaces} />
        <div className="mt-3">
          <SearchBox workspaceId={workspace.id} onOpen={openDrawer} />
        </div>
        <nav aria-label="Channels" className="mt-4 flex-1 overflow-y-auto px-2 pb-4">
          <ul className="mb-4 space-y-0.5">
            <NavItem href={`/w/${workspace.id}/inbox`} active={pathname === `/w/${workspace.id}/inbox`}>
              <InboxIcon /> <span className="flex-1">Inbox</span>
              <CountBadge count={inbox} label="in your inbox" testId="inbox-count" />
            </NavItem>
            <NavItem href={`/w/${workspace.id}/catch-up`} active={pathname === `/w/${workspace.id}/catch-up`}>
              <CatchUpIcon /> Catch up
            </NavItem>
            <NavItem href={`/w/${workspace.id}/notifications`} active={pathname === `/w/${workspace.id}/notifications`}>
              <BellIcon /> <span className="flex-1">Notifications</span>
              <CountBadge count={unread} label="unread" testId="unread-count" />
            </NavItem>
          </ul>
          <ChannelList
            workspaceId={workspace.id}
            channels={channels}
            pathname={pathname}
            canCreate={show.newChannel}
            markAllRead={markAllRead}
          />
          <ul className="mt-6 space-y-0.5 border-t border-stone-200 pt-4">
            {show.members && (
              <NavItem href={`/w/${workspace.id}/members`} active={pathname === `/w/${workspace.id}/members`}>
                <UsersIcon /> Members
              </NavItem>
            )}
            <NavItem href="/settings" active={false}>
              <GearIcon /> Settings
            </NavItem>
            {show.tokens && (
              <NavItem href={`/w/${workspace.id}/tokens`} active={pathname === `/w/${workspace.id}/tokens`}>
                <KeyIcon /> API tokens
              </NavItem>
            )}
            {show.webhooks && (
              <NavItem href={`/w/${workspace.id}/webhooks`} active={pathname.startsWith(`/w/${workspace.id}/webhooks`)}>
                <GlobeIcon /> Webhooks
              </NavItem>
            )}
            {show.audit && (
              <NavItem href={`/w/${workspace.id}/audit`} active={pathname === `/w/${workspace.id}/audit`}>
                <AuditIcon /> Audit log
              </NavItem>
            )}
            {show.deleted && (
              <NavItem href={`/w/${workspace.id}/deleted`} active={pathname === `/w/${workspace.id}/deleted`}>
                <TrashIcon /> Recently deleted
              </NavItem>
            )}
          </ul>
        </nav>
        <div className="flex items-center gap-2 border-t border-stone-200 px-3 py-3">
          <Avatar name={me.name} />
          <div className="min-w-0 flex-1 text-sm leading-tight">
            <div className="truncate font-medium">{me.name}</div>
            <div className="truncate text-stone-600">
              @{me.handle} · {workspace.role.toLowerCase()}
            </div>
          </div>
          <SignOutButton action={signOut} className="btn-ghost px-2 text-xs" />
        </div>
      </aside>

      <main id="main" className="min-w-0">
        {!me.emailVerified && <VerifyBanner email={me.email} action={resendVerification} />}
        {children}
      </main>
    </div>
  );
}

function WorkspaceSwitcher({ current, workspaces }: { current: string; workspaces: { id: string; name: string }[] }) {
  const router = useRouter();
  const id = useId();
  return (
    <div className="px-4">
      <label htmlFor={id} className="mb-1 block text-xs font-medium tracking-wide text-stone-600 uppercase">
        Workspace
      </label>
      <select
        id={id}
        className="input py-1.5 font-medium"
        value={current}
        onChange={(e) => router.push(e.target.value === "__all" ? "/w" : `/w/${e.target.value}`)}
      >
        {workspaces.map((w) => (
          <option key={w.id} value={w.id}>
            {w.name}
          </option>
        ))}
        <option value="__all">All workspaces & new…</option>
      </select>
    </div>
  );
}

function ChannelList({
  workspaceId,
  channels,
  pathname,
  canCreate,
  markAllRead,
}: {
  workspaceId: string;
  channels: ShellChannel[];
  pathname: string;
  canCreate: boolean;
  markAllRead: Props["markAllRead"];
}) {
  const active = channels.filter((c) => !c.archived);
  const archived = channels.filter((c) => c.archived);
  const href = (c: ShellChannel) => `/w/${workspaceId}/c/${c.id}`;
  const isActive = (c: ShellChannel) => pathname === href(c) || pathname.startsWith(`${href(c)}/`);
  return (
    <>
      <div className="flex items-center gap-1 px-2 pb-1">
        <h2 className="flex-1 text-xs font-medium tracking-wide text-stone-600 uppercase">Channels</h2>
        {active.some((c) => c.unread > 0 || c.mentions > 0) && (
          <SimpleAction
            action={markAllRead}
            hidden={{ workspaceId }}
            label="Mark all read"
            pendingText="Marking…"
            className="btn-ghost px-1.5 py-0.5 text-xs"
          />
        )}
        {canCreate && (
          <Link href={`/w/${workspaceId}/channels/new`} className="btn-ghost px-1.5 py-1" title="New channel">
            <PlusIcon />
            <span className="sr-only">New channel</span>
          </Link>
        )}
      </div>
      {active.length === 0 ? (
        <p className="px-2 py-1 text-sm text-stone-600">No channels yet.</p>
      ) : (
        <ul className="space-y-0.5">
          {active.map((c) => (
            <NavItem key={c.id} href={href(c)} active={isActive(c)} muted={!c.isMember}>
              <ChannelIcon kind={c.kind} className="size-4 shrink-0 opacity-70" />
              <span className={`flex-1 truncate ${c.unread > 0 ? "font-semibold text-stone-900" : ""}`}>{c.name}</span>
              <span className="sr-only">
                ({kindLabel[c.kind]}
                {c.isMember ? "" : ", not joined"})
              </span>
              {c.mentions > 0 && (
                <span
                  className="rounded-full bg-accent-600 px-1.5 text-xs leading-5 font-semibold text-white"
                  data-testid="channel-mentions"
                >
                  @{c.mentions > 99 ? "99+" : c.mentions}
                  <span className="sr-only"> {c.mentions === 1 ? "mention" : "mentions"}</span>
                </span>
              )}
              {c.unread > 0 && (
                <span
                  className="rounded-full bg-stone-300 px-1.5 text-xs leading-5 font-semibold text-stone-800"
                  data-testid="channel-unread"
                >
                  {c.unread > 99 ? "99+" : c.unread}
                  <span className="sr-only"> unread</span>
                </span>
              )}
            </NavItem>
          ))}
        </ul>
      )}
      {archived.length > 0 && (
        <details className="group mt-3" open={archived.some(isActive)}>
          <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md px-2 py-1 text-xs font-medium tracking-wide text-stone-600 uppercase hover:bg-stone-200/70 [&::-webkit-details-marker]:hidden">
            <ChevronIcon className="size-3 transition-transform group-open:rotate-90" /> Archived ({archived.length})
          </summary>
          <ul className="mt-1 space-y-0.5">
            {archived.map((c) => (
              <NavItem key={c.id} href={href(c)} active={isActive(c)} muted>
                <ChannelIcon kind={c.kind} archived className="size-4 shrink-0 opacity-70" />
                <span className="truncate">{c.name}</span>
                <span className="sr-only">(archived)</span>
              </NavItem>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function NavItem({
  href,
  active,
  muted,
  children,
}: {
  href: string;
  active: boolean;
  muted?: boolean;
  children: React.ReactNode;
}) {
  return (
    <li>
      <Link
        href={href}
        aria-current={active ? "page" : undefined}
        className={`flex items-center gap-2 rounded-md px-2 py-1.5 text-sm ${active ? "bg-white font-medium text-stone-900 shadow-xs" : muted ? "text-stone-600 hover:bg-stone-200/70" : "text-stone-700 hover:bg-stone-200/70"}`}
      >
        {children}
      </Link>
    </li>
  );
}

/** A small count beside a navigation item (nothing at 0), read out as "3 unread". */
function CountBadge({ count, label, testId }: { count: number; label: string; testId: string }) {
  if (count <= 0) return null;
  return (
    <span className="rounded-full bg-accent-600 px-1.5 text-xs leading-5 font-semibold text-white" data-testid={testId}>
      {count > 99 ? "99+" : count}
      <span className="sr-only"> {label}</span>
    </span>
  );
}
