// A five-field cron matcher (minute hour day-of-month month day-of-week; *, lists, ranges, steps), in UTC.
// Enough for the embedded scheduler; Inngest's own scheduler runs the same expressions in the managed mode.

type Field = { min: number; max: number };
const fields: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12 },
  { min: 0, max: 7 },
];

function parseField(text: string, { min, max }: Field): Set<number> {
  const out = new Set<number>();
  for (const part of text.split(",")) {
    const m = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!m) throw new Error(`unsupported cron field "${text}"`);
    const from = m[1] === "*" ? min : Number(m[2]);
    const to = m[1] === "*" ? max : m[3] !== undefined ? Number(m[3]) : m[4] !== undefined ? max : from;
    const step = m[4] !== undefined ? Number(m[4]) : 1;
    if (from < min || to > max || from > to || step < 1) throw new Error(`cron field "${text}" out of range`);
    for (let v = from; v <= to; v += step) out.add(v);
  }
  return out;
}

export type CronMatcher = (date: Date) => boolean;

export function parseCron(expression: string): CronMatcher {
  if (/^TZ=/.test(expression)) throw new Error("time-zone prefixes are not supported by the embedded scheduler");
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 5) throw new Error(`cron "${expression}" must have five fields`);
  const [minute, hour, dom, month, dow] = parts.map((p, i) => parseField(p, fields[i] as Field)) as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (dow.has(7)) dow.add(0);
  const domAny = parts[2] === "*";
  const dowAny = parts[4] === "*";
  return (d) => {
    const dayOk =
      domAny || dowAny
        ? dom.has(d.getUTCDate()) && dow.has(d.getUTCDay())
        : dom.has(d.getUTCDate()) || dow.has(d.getUTCDay());
    return minute.has(d.getUTCMinutes()) && hour.has(d.getUTCHours()) && month.has(d.getUTCMonth() + 1) && dayOk;
  };
}
