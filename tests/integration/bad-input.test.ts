// Every write endpoint, driven by the contracts: bad bodies and foreign ids are refused with a clear error
// envelope, and nothing in the database changes. A new contract is covered without touching this file.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // One person sends hundreds of requests a minute here (more than the default allowance once there are 50
  // operations, on a fast PostgreSQL); the limiter has its own tests.
  process.env.RATE_LIMIT_API_PER_MINUTE = "100000";
});

import { getDb } from "@/lib/data/db/client";
import { DEFAULT_MAX_BODY_BYTES } from "@/lib/http/body";
import { contracts } from "@/lib/validation/api";
import type { Contract } from "@/lib/validation/contract";
import { api, type ApiResponse } from "../support/api";
import {
  bodyKeys,
  contractUrl,
  contractWorld,
  pathParams,
  sampleBody,
  type BodyContract,
  type Ids,
} from "../support/contract-world";

type ErrorBody = { error: { code: string; message: string; details?: { path: string; message: string }[] } };

const all: Contract[] = contracts;
const writes = all.filter((c) => c.method !== "GET");
const withBody = all.filter((c): c is BodyContract => c.body !== undefined);
const NONEXISTENT = "nonexistent0000000000000";

let home: { cookie: string; ids: Ids };
let foreign: { cookie: string; ids: Ids };
beforeAll(async () => {
  home = await contractWorld();
  foreign = await contractWorld();
});

const url = contractUrl;

/** Each table's row count and a hash of its contents, in one query. */
async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const tables = await db.$queryRawUnsafe<{ table_name: string }[]>(
    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const sql = tables
    .map(
      (t) =>
        `SELECT '${t.table_name}' AS t, count(*)::int AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${t.table_name}" x`,
    )
    .join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql);
  expect(rows.length).toBeGreaterThan(5);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

/** Runs the request and proves the database is exactly as before it. */
async function unchanged(request: () => Promise<ApiResponse<ErrorBody>>): Promise<ApiResponse<ErrorBody>> {
  const before = await snapshot();
  const res = await request();
  expect(await snapshot()).toEqual(before);
  return res;
}

function expectError(res: ApiResponse<ErrorBody>, status: number, code: string, message?: RegExp) {
  expect({ status: res.status, code: res.json?.error?.code }).toEqual({ status, code });
  expect(typeof res.json.error.message).toBe("string");
  expect(res.json.error.message.length).toBeGreaterThan(10);
  if (message) expect(res.json.error.message).toMatch(message);
  expect(res.headers.get("x-request-id")).toBeTruthy();
}

const send = (c: Contract, options: Parameters<typeof api>[2] & { ids?: Ids } = {}) =>
  api<ErrorBody>(c.method, url(c, options.ids ?? home.ids), { cookie: home.cookie, ...options });

it("the contracts include write endpoints with bodies (the lists below are not empty)", () => {
  expect(withBody.length).toBeGreaterThanOrEqual(8);
  expect(writes.filter((c) => c.method === "DELETE").length).toBeGreaterThanOrEqual(4);
});

describe.each(withBody.map((c) => [`${c.method} ${c.path}`, c] as const))("%s", (_, c) => {
  it("malformed JSON → 400", async () => {
    for (const rawBody of ['{"name": "x",', "{'single': 'quotes'}", "not json at all"]) {
      const res = await unchanged(() => send(c, { rawBody, headers: { "content-type": "application/json" } }));
      expectError(res, 400, "BAD_REQUEST", /JSON/);
    }
    expectError(
      await unchanged(() => send(c, { rawBody: "", headers: { "content-type": "application/json" } })),
      400,
      "BAD_REQUEST",
      /empty/,
    );
  });

  it("wrong content type → 415", async () => {
    const rawBody = JSON.stringify(sampleBody(c, home.ids));
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      expectError(
        await unchanged(() => send(c, { rawBody, headers: { "content-type": type } })),
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        /application\/json/,
      );
    }
    expectError(await unchanged(() => send(c, { rawBody })), 415, "UNSUPPORTED_MEDIA_TYPE");
  });

  it("oversize body → 413", async () => {
    const max = c.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    const rawBody = JSON.stringify({ ...sampleBody(c, home.ids), pad: "x".repeat(max) });
    const res = await unchanged(() => send(c, { rawBody, headers: { "content-type": "application/json" } }));
    expectError(res, 413, "PAYLOAD_TOO_LARGE", new RegExp(String(max)));
  });

  it("a body that is not an object → 422", async () => {
    for (const body of [[], "text", 42, null]) {
      const res = await unchanged(() =>
        send(c, { rawBody: JSON.stringify(body), headers: { "content-type": "application/json" } }),
      );
      expectError(res, 422, "VALIDATION_FAILED", /request body/);
      expect(res.json.error.details?.length).toBeGreaterThan(0);
    }
  });

  it("wrong types → 422 naming the field", async () => {
    const valid = sampleBody(c, home.ids);
    expect(Object.keys(valid).length).toBeGreaterThan(0);
    for (const key of Object.keys(valid)) {
      for (const wrong of [{ nested: true }, [[1]], true, null].filter((w) => typeof w !== typeof valid[key])) {
        const res = await unchanged(() => send(c, { body: { ...valid, [key]: wrong } }));
        expectError(res, 422, "VALIDATION_FAILED", new RegExp(key));
        expect(res.json.error.details).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              path: expect.stringMatching(new RegExp(`^${key}(\\.|$)`)),
              message: expect.any(String),
            }),
          ]),
        );
      }
    }
  });

  it("a NUL character in any string field → 422 naming the field (Postgres text cannot store it)", async () => {
    const valid = sampleBody(c, home.ids);
    const strings = Object.keys(valid).filter((key) => typeof valid[key] === "string");
    for (const key of strings) {
      const res = await unchanged(() => send(c, { body: { ...valid, [key]: `a\u0000b` } }));
      // A token is only looked up (by its hash), never stored: no such token.
      if (key === "token") expectError(res, 404, "NOT_FOUND");
      else expectError(res, 422, "VALIDATION_FAILED", new RegExp(key));
    }
  });

  it("unknown fields → 422 naming the field (schemas are strict)", async () => {
    const res = await unchanged(() => send(c, { body: { ...sampleBody(c, home.ids), unexpectedField: 1 } }));
    expectError(res, 422, "VALIDATION_FAILED", /unexpectedField/);
    expect(JSON.stringify(res.json.error.details)).toContain("unexpectedField");
  });
});

describe.each(all.filter((c) => c.query).map((c) => [`${c.method} ${c.path}`, c] as const))(
  "%s query string",
  (_, c) => {
    it.each([
      ["a cursor this API did not issue", "cursor=garbage"],
      ["a cursor with characters outside base64url", "cursor=a%2Fb"],
      ["limit 0", "limit=0"],
      ["limit above the maximum", "limit=1000"],
      ["a non-numeric limit", "limit=ten"],
      ["an unknown parameter", "sort=asc"],
    ])("%s → 422", async (_, query) => {
      const base = url(c, home.ids);
      const res = await api<ErrorBody>(c.method, `${base}${base.includes("?") ? "&" : "?"}${query}`, {
        cookie: home.cookie,
      });
      expectError(res, 422, "VALIDATION_FAILED");
      expect(res.json.error.details?.length).toBeGreaterThan(0);
    });
  },
);

/** Each id a request names (path parameters, and body fields named like them): nonexistent or from another workspace. */
const idProbes = all
  .filter((c) => c.path.includes("{"))
  .flatMap((c) => {
    const names = [
      ...pathParams(c).map((p) => ["path", p] as const),
      ...bodyKeys(c)
        .filter((k) => k.endsWith("Id"))
        .map((k) => ["body", k] as const),
    ];
    return names.flatMap(([where, name]) =>
      (["nonexistent", "foreign"] as const).map(
        (kind) => [`${c.method} ${c.path}: ${kind} ${name} in the ${where}`, c, where, name, kind] as const,
      ),
    );
  });

describe("foreign and nonexistent ids → 404 (reads and writes), nothing changes", () => {
  it.each(idProbes)("%s", async (_, c, where, name, kind) => {
    const value = kind === "nonexistent" ? NONEXISTENT : foreign.ids[name];
    expect(value).toBeTruthy();
    const ids = where === "path" ? { ...home.ids, [name]: value as string } : home.ids;
    const body = c.body
      ? { ...sampleBody(c as BodyContract, home.ids), ...(where === "body" ? { [name]: value } : {}) }
      : undefined;
    const res = await unchanged(() => send(c, { ids, body }));
    expectError(res, 404, "NOT_FOUND");
  });
});

describe("the same requests with the real ids are accepted (so the 404s above came from the ids)", () => {
  // Accepting an invite needs the secret from its email, which a sample cannot know.
  const needsSecret = new Set(["acceptInvite"]);
  it.each(
    all
      .filter((c) => c.path.includes("{") || c.method !== "GET")
      .filter((c) => !needsSecret.has(c.operationId))
      .map((c) => [`${c.method} ${c.path}`, c] as const),
  )("%s", async (_, c) => {
    const fresh = await contractWorld();
    // A file's bytes are sent once: send them to the file announced but not sent yet.
    const ids = c.operationId === "uploadFileContent" ? { ...fresh.ids, fileId: fresh.ids.pendingFileId! } : fresh.ids;
    const body = c.body ? sampleBody(c as BodyContract, ids) : undefined;
    const res = await api<ErrorBody>(c.method, url(c, ids), { cookie: fresh.cookie, body });
    expect({ status: res.status, error: res.json?.error }).toEqual({ status: c.status, error: undefined });
  });
});
