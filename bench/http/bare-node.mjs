// Bare arm: node:http + pg running the same single statements as the bare Next.js route, nothing else.
import { randomUUID } from "node:crypto";
import http from "node:http";
import pg from "pg";
import { INSERT_SQL, LIST_SQL, listJson, listParams } from "./bare-next/sql.mjs";

const pool = new pg.Pool({ connectionString: process.env.BENCH_DATABASE_URL, max: 10 });
const send = (res, status, value) => {
  const body = JSON.stringify(value);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
};

http
  .createServer(async (req, res) => {
    try {
      const u = new URL(req.url, "http://localhost");
      if (req.method === "GET" && u.pathname === "/posts") {
        const { params, limit } = listParams(u);
        return send(res, 200, listJson((await pool.query(LIST_SQL, params)).rows, limit));
      }
      if (req.method === "POST" && u.pathname === "/posts") {
        let raw = "";
        for await (const chunk of req) raw += chunk;
        const b = JSON.parse(raw);
        const { rows } = await pool.query(INSERT_SQL, [
          randomUUID(),
          b.workspaceId,
          b.channelId,
          b.authorId,
          b.title,
          b.body,
        ]);
        return send(res, 201, { data: rows[0] });
      }
      send(res, 404, { error: "not found" });
    } catch (error) {
      send(res, 500, { error: String(error) });
    }
  })
  .listen(Number(process.env.PORT), "127.0.0.1");
