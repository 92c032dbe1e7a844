"use client";
// While a file is being processed, re-render the thread from the server every couple of seconds so its state
// (pending → ready or rejected) shows without a reload; stops once nothing is pending (the component unmounts).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function RefreshWhilePending({ everyMs = 1500 }: { everyMs?: number }) {
  const router = useRouter();
  useEffect(() => {
    const timer = window.setInterval(() => router.refresh(), everyMs);
    return () => window.clearInterval(timer);
  }, [router, everyMs]);
  return null;
}
