// Bare arm: a Next.js route handler running the list's single SQL statement with `pg`, no auth, no validation.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { INSERT_SQL, LIST_SQL, listJson, listParams } from "../../sql.mjs";

export const dynamic = "force-dynamic";
const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });

export async function GET(req) {
  const { params, limit } = listParams(new URL(req.url));
  const { rows } = await pool.query(LIST_SQL, params);
  return Response.json(listJson(rows, limit));
}

export async function POST(req) {
  const b = await req.json();
  const { rows } = await pool.query(INSERT_SQL, [
    randomUUID(),
    b.workspaceId,
    b.channelId,
    b.authorId,
    b.title,
    b.body,
  ]);
  return Response.json({ data: rows[0] }, { status: 201 });
}
