"use client";
// Re-renders the page and its layout once, after it has shown: a page whose render changed what the layout shows
// (opening a channel reads it, so the sidebar's unread count for it is stale) asks for this.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshOnce() {
  const router = useRouter();
  useEffect(() => router.refresh(), [router]);
  return null;
}
