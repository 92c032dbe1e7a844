// The embedded cron scheduler: once a minute, starts the functions whose cron trigger matches (UTC).
// One process, one scheduler: with several processes on one database each would run the crons (documented).
import "server-only";
import type { InngestFunction } from "inngest";
import { parseCron, type CronMatcher } from "./cron";
import type { EmbeddedExecutor } from "./executor";

export function startScheduler(executor: EmbeddedExecutor, now: () => Date = () => new Date()) {
  const crons: { fn: InngestFunction.Any; cron: string; matches: CronMatcher }[] = [];
  for (const fn of executor.functions) {
    for (const t of (fn.opts.triggers ?? []) as { cron?: string }[]) {
      if (t.cron) crons.push({ fn, cron: t.cron, matches: parseCron(t.cron) });
    }
  }
  let lastMinute = -1;
  const tick = () => {
    const at = now();
    const minute = Math.floor(at.getTime() / 60_000);
    if (minute === lastMinute) return;
    lastMinute = minute;
    for (const c of crons) if (c.matches(at)) void executor.runCron(c.fn, c.cron, at);
  };
  // Checking every 15 s keeps a minute from being skipped when the event loop was busy.
  const timer = setInterval(tick, 15_000);
  timer.unref();
  return { tick, stop: () => clearInterval(timer) };
}
