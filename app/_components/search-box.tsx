"use client";
// The sidebar's search box: a plain GET form to the search page, and `/` anywhere (outside a text field) focuses it.
import { useEffect, useRef } from "react";
import { SearchIcon } from "./icons";

export function SearchBox({ workspaceId, onOpen }: { workspaceId: string; onOpen?: () => void }) {
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target?.closest("input, textarea, select, [contenteditable=''], [contenteditable='true']")) return;
      e.preventDefault();
      onOpen?.();
      input.current?.focus();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onOpen]);

  return (
    <form role="search" aria-label="Quick search" action={`/w/${workspaceId}/search`} className="relative px-3">
      <label htmlFor="sidebar-search" className="sr-only">
        Search posts and comments
      </label>
      <SearchIcon className="pointer-events-none absolute top-1/2 left-5.5 size-4 -translate-y-1/2 text-stone-500" />
      <input
        ref={input}
        id="sidebar-search"
        name="q"
        type="search"
        required
        maxLength={300}
        placeholder="Search"
        aria-keyshortcuts="/"
        className="input w-full py-1.5 pr-8 pl-8 text-sm"
      />
      <kbd
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-5 -translate-y-1/2 rounded border border-stone-300 px-1 text-xs text-stone-500"
      >
        /
      </kbd>
    </form>
  );
}
