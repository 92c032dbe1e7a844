"use client";
// The "new since your last visit" line in a channel's feed. Opening the channel reads it, so the next render from the
// server (a refresh that updates the sidebar, the half-minute live refresh) no longer knows where the visit began:
// the line keeps the place it was first given for as long as the page stays open.
import { useState } from "react";

export function NewSinceDivider({ show }: { show: boolean }) {
  const [shown] = useState(show);
  if (!shown) return null;
  return (
    <div
      role="separator"
      aria-label="New since your last visit: the posts above"
      className="mb-4 flex items-center gap-3"
      data-testid="new-since-divider"
    >
      <span className="h-px flex-1 bg-accent-300" />
      <span className="text-xs font-semibold tracking-wide text-accent-700 uppercase">↑ New since your last visit</span>
      <span className="h-px flex-1 bg-accent-300" />
    </div>
  );
}
