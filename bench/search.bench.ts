// Search at 10k and 100k posts (half as many comments), side by side with the bare SQL: the same tsquery over the
// same GIN index returning ids only, through the same database client. The gap is what search() adds: the reader's
// visibility (channels, memberships), comments, keyset paging, authors and the highlighted passage for one page.
// Run: npm run bench:search (in-memory PGlite), or with TEST_POSTGRES_URL set (PostgreSQL). Sizes:
// BENCH_SEARCH_SIZES (default "10000,100000"); each size is seeded with one INSERT … SELECT generate_series.
import { bench, describe } from "vitest";
import { actorFromCookies } from "@/lib/auth/resolve-actor";
import { getDb } from "@/lib/data/db/client";
import { search } from "@/lib/domain/search/search";
import { searchQuery } from "@/lib/validation/search";
import { createWorkspaceWithOwner } from "../tests/factories";

const sizes = (process.env.BENCH_SEARCH_SIZES ?? "10000,100000").split(",").map(Number);
const WORDS = [
  "release",
  "launch",
  "budget",
  "hiring",
  "design",
  "incident",
  "roadmap",
  "customer",
  "invoice",
  "backup",
];
const db = await getDb();

async function seeded(posts: number) {
  const { cookie, workspace, general, owner } = await createWorkspaceWithOwner(`Search bench ${posts}`);
  const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
  const actor = await actorFromCookies({ get: (n) => (n === name ? { value } : undefined) });
  if (!actor) throw new Error("bench: no actor");
  const words = `(ARRAY[${WORDS.map((w) => `'${w}'`).join(",")}])`;
  // Each post: two of the ten words in its title, three in its body, so a one-word query matches about 40 %.
  await db.$executeRawUnsafe(
    `INSERT INTO "Post" ("id", "workspaceId", "channelId", "authorId", "title", "body", "createdAt")
     SELECT 'bp' || $1 || '-' || g, $2, $3, $4,
       initcap(${words}[1 + g % 10]) || ' and ' || ${words}[1 + (g / 10) % 10] || ' update ' || g,
       'Notes on the ' || ${words}[1 + (g / 7) % 10] || ' and the ' || ${words}[1 + (g / 3) % 10] ||
         ' plan, with the ' || ${words}[1 + (g / 11) % 10] || ' numbers attached.',
       now() - (g || ' seconds')::interval
     FROM generate_series(1, $5::int) g`,
    String(posts),
    workspace.id,
    general.id,
    owner.id,
    posts,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Comment" ("id", "postId", "authorId", "body", "createdAt")
     SELECT 'bc' || $1 || '-' || g, 'bp' || $1 || '-' || (g * 2), $2,
       'Agreed on the ' || ${words}[1 + (g / 5) % 10] || ' part.', now() - (g || ' seconds')::interval
     FROM generate_series(1, $3::int / 2) g`,
    String(posts),
    owner.id,
    posts,
  );
  await db.$executeRawUnsafe(`ANALYZE "Post"`);
  await db.$executeRawUnsafe(`ANALYZE "Comment"`);
  return { actor, workspaceId: workspace.id };
}

for (const size of sizes) {
  const { actor, workspaceId } = await seeded(size);
  for (const q of ["budget", '"hiring plan" -invoice']) {
    const input = searchQuery.parse({ q, limit: 20 });
    describe(`search "${q}" at ${size} posts`, () => {
      bench("bare SQL: the tsquery on the GIN index, ranked, 20 ids (baseline)", async () => {
        await db.$queryRaw`SELECT p."id" FROM "Post" p
          WHERE p."workspaceId" = ${workspaceId} AND p."searchVector" @@ websearch_to_tsquery('english', ${q})
          ORDER BY ts_rank(p."searchVector", websearch_to_tsquery('english', ${q})) DESC LIMIT 20`;
      });
      bench("search(): visibility, comments, paging, authors, highlights", async () => {
        await search(actor, workspaceId, input);
      });
    });
  }
}
