// Search: the query language people already know from other tools, parsed here into words and filters.
//   words and "exact phrases" and -exclusions  → PostgreSQL's websearch_to_tsquery
//   in:#channel  from:@handle  before:YYYY-MM-DD  after:YYYY-MM-DD  has:file
import { z } from "zod";
import { dateOut, id, inWorkspace, userSummary } from "./common";
import { channelKind, channelName } from "./channels";

export type SearchFilters = {
  /** The free text for websearch_to_tsquery; null when the query is filters only. */
  text: string | null;
  channel?: string;
  author?: string;
  /** Posts and comments written before the start of this day (UTC). */
  before?: Date;
  /** … written on or after the start of the day after this one (UTC): `after:2026-11-30` is December onwards. */
  after?: Date;
  hasFile: boolean;
};

const FILTER = /(^|\s)(in|from|before|after|has):(\S*)/gi;
const DAY = 86_400_000;

function parseDay(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const date = new Date(`${value}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value ? null : date;
}

/** Reports each filter it cannot read as an issue on `q`, naming the filter and what it expects. */
export function parseSearchQuery(raw: string, ctx?: z.RefinementCtx): SearchFilters {
  const filters: SearchFilters = { text: null, hasFile: false };
  const problem = (message: string) => ctx?.addIssue({ code: "custom", message, path: [] });
  const text = raw.replace(FILTER, (_all, lead: string, key: string, value: string) => {
    switch (key.toLowerCase()) {
      case "in": {
        const name = channelName.safeParse(value.replace(/^#/, ""));
        if (name.success) filters.channel = name.data;
        else problem(`in: takes a channel name, as in in:#general`);
        break;
      }
      case "from": {
        const handle = value.replace(/^@/, "").toLowerCase();
        if (/^[a-z0-9]{2,30}$/.test(handle)) filters.author = handle;
        else problem(`from: takes a person's handle, as in from:@ada`);
        break;
      }
      case "before":
      case "after": {
        const day = parseDay(value);
        if (!day) problem(`${key.toLowerCase()}: takes a date as YYYY-MM-DD, as in ${key.toLowerCase()}:2026-11-30`);
        else if (key.toLowerCase() === "before") filters.before = day;
        else filters.after = new Date(day.getTime() + DAY);
        break;
      }
      case "has":
        if (value.toLowerCase() === "file") filters.hasFile = true;
        else problem(`has: takes only has:file`);
        break;
    }
    return lead;
  });
  const words = text.replace(/\s+/g, " ").trim();
  filters.text = words.length > 0 ? words : null;
  return filters;
}

const searchText = z
  .string()
  .trim()
  .min(1, "type something to search for")
  .max(300, "must be at most 300 characters")
  .meta({
    description:
      'Words, "exact phrases" and -exclusions, plus the filters in:#channel, from:@handle, before:YYYY-MM-DD, after:YYYY-MM-DD and has:file.',
    example: '"release notes" from:@ada in:#general -draft',
  });

/** The query parsed, or the issues that say which filter is wrong. */
export const searchFilters = searchText.transform((q, ctx) => parseSearchQuery(q, ctx));

export const searchQuery = z.strictObject({
  q: searchFilters,
  /** Archived channels are left out unless asked for. */
  archived: z
    .enum(["include", "exclude"])
    .default("exclude")
    .meta({ description: "`include` searches archived channels too" }),
  cursor: z
    .string()
    .max(512)
    .regex(/^[A-Za-z0-9_-]+$/, "must be a cursor returned by a previous page")
    .optional()
    .meta({ description: "Opaque cursor from the previous page's `nextCursor`." }),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export type SearchQuery = z.infer<typeof searchQuery>;

export const searchHitResponse = z
  .object({
    post: z.object({ id, title: z.string() }),
    /** Set when the match is in a comment (open the post at `#comment-<id>`). */
    commentId: id.nullable(),
    channel: z.object({ id, name: z.string(), kind: channelKind, archived: z.boolean() }),
    author: userSummary,
    createdAt: dateOut,
    snippet: z
      .array(z.object({ text: z.string(), match: z.boolean() }))
      .meta({ description: "The matching passage in pieces; `match` marks the words that matched (to highlight)." }),
  })
  .meta({ id: "SearchHit" });
export const searchListResponse = z.array(searchHitResponse);

// ---- Web form (a GET form: the page reads its searchParams) ----
export const searchPageParams = z.object({
  ...inWorkspace,
  q: z.string().max(300).optional(),
  archived: z.enum(["include", "exclude"]).optional(),
  cursor: z.string().max(512).optional(),
});
