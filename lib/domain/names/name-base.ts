// The readable part of a handle or a slug, from a person's or a workspace's name.
/** Lower-case ASCII letters and digits of `text`, runs of anything else replaced by `separator`, at most `max` long. */
export function toNameBase(text: string, separator: "" | "-", max: number): string {
  const ascii = text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "");
  const joined = ascii.replace(/[^a-z0-9]+/g, separator);
  return (separator ? joined.replace(/^-+|-+$/g, "") : joined).slice(0, max).replace(/-+$/, "");
}
