// Dates rendered on the server in UTC-independent relative words, with the exact time in a tooltip.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 86400],
  ["month", 30 * 86400],
  ["week", 7 * 86400],
  ["day", 86400],
  ["hour", 3600],
  ["minute", 60],
];
const rtf = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

export function relative(date: Date, now = new Date()): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  if (Math.abs(seconds) < 45) return seconds > 0 ? "in a moment" : "just now";
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === "minute") return rtf.format(Math.round(seconds / size), unit);
  }
  return "just now";
}

export function Time({ date, className }: { date: Date; className?: string }) {
  return (
    <time
      dateTime={date.toISOString()}
      title={date.toISOString().replace("T", " ").slice(0, 16) + " UTC"}
      className={className}
    >
      {relative(date)}
    </time>
  );
}
