// Initials in a colour picked from the name: recognisable without uploads.
const palette = [
  "bg-teal-100 text-teal-800",
  "bg-amber-100 text-amber-800",
  "bg-sky-100 text-sky-800",
  "bg-rose-100 text-rose-800",
  "bg-violet-100 text-violet-800",
  "bg-lime-100 text-lime-800",
];

export function Avatar({ name, size = "size-8" }: { name: string; size?: string }) {
  const initials =
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]?.toUpperCase())
      .join("") || "?";
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden
      className={`${size} ${palette[hash % palette.length]} inline-flex shrink-0 items-center justify-center rounded-full text-xs font-semibold`}
    >
      {initials}
    </span>
  );
}
