// @handles in a Markdown text: lowercase letters and digits (as sign-up makes them), not inside code, not in emails.

const HANDLE = /(?<![\w@.])@([a-z0-9]{2,30})(?![\w@])/gi;

export function parseMentions(text: string): string[] {
  const withoutCode = text.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
  const handles = new Set<string>();
  for (const m of withoutCode.matchAll(HANDLE)) if (m[1]) handles.add(m[1].toLowerCase());
  return [...handles].slice(0, 50);
}
