"use client";
// Keeps an open workspace current without a reload: new posts, the unread badge and Catch up are re-rendered
// from the server every half minute while the tab is visible, and at once when it becomes visible again.
// router.refresh() keeps client state, so a half-written post or comment is not touched.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRefresh({ everyMs = 30_000 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    let last = Date.now();
    const refresh = () => {
      if (document.visibilityState !== "visible") return;
      last = Date.now();
      router.refresh();
    };
    const timer = window.setInterval(refresh, everyMs);
    // Back from another tab after a while: catch up now rather than at the next tick.
    const onVisible = () => document.visibilityState === "visible" && Date.now() - last > 5_000 && refresh();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router, everyMs]);
  return null;
}
