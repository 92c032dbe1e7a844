// Property-based fuzz of every /api/v1 contract (fast-check; fixed seeds and bounded runs, so CI sends the same
// requests every time). Driven by `contracts`: a new contract is fuzzed without touching this file.
//
// What it proves, for each contract, reads and writes alike:
//  1. "A 500 is a bug": whatever arrives, the answer is below 500, and every 4xx is the error envelope
//     `{ error: { code, message } }` with a message. Each part of a request is fuzzed on its own while the rest stays
//     valid (so the odd part reaches as deep as it can), then all parts at once:
//       - body: arbitrary JSON, the contract's own keys holding wrong-typed, huge (up to the size limit), control-
//         character, unicode or otherwise odd values, non-JSON text, and wrong content types;
//       - path: odd segments ('../', '%00', NUL, unicode, very long) and the ids of another workspace;
//       - query (list endpoints): random and forged cursors, odd limits, unknown parameters;
//       - credentials: mostly the owner's session; also API tokens (full and read-only), none, and garbage.
//  2. "Bad input changes nothing": requests to a write that are certainly invalid (refused by the contract's own
//     schemas, not JSON, a non-JSON content type, over the size limit, an id that is not this workspace's, or no
//     usable credentials) get a 4xx, and the main tables, rows and contents, are exactly as before each of them.
// bad-input.test.ts holds the hand-picked cases with exact codes and messages; this file looks for what they miss.
// A failure prints fast-check's shrunk counterexample (the request that broke the rule) and the seed to replay it.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // Hundreds of calls a minute from one user is the point here; the limiter has its own tests.
  process.env.RATE_LIMIT_API_PER_MINUTE = "100000";
});

import fc from "fast-check";
import { getDb } from "@/lib/data/db/client";
import { DEFAULT_MAX_BODY_BYTES } from "@/lib/http/body";
import { contracts } from "@/lib/validation/api";
import type { Contract } from "@/lib/validation/contract";
import { api, type ApiResponse } from "../support/api";
import {
  bodyKeys,
  contractWorld,
  pathParams,
  sampleBody,
  type BodyContract,
  type ContractWorld,
  type Ids,
} from "../support/contract-world";

/** Fixed, so CI is deterministic; each property derives its own seed from it. Explore locally with FUZZ_SEED=<n>. */
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);
/** Runs per property, sized to keep the file well under 40 s on PGlite. Explore locally with FUZZ_RUNS_X=<factor>. */
const scale = Number(process.env.FUZZ_RUNS_X ?? 1);
const RUNS = Object.fromEntries(
  Object.entries({ body: 40, path: 15, query: 30, credentials: 8, everything: 15, invalid: 25 }).map(([k, n]) => [
    k,
    Math.round(n * scale),
  ]),
) as Record<Part | "invalid", number>;

type World = ContractWorld;
type Credentials =
  "owner" | "admin-token" | "read-token" | "none" | { header: "authorization" | "cookie"; value: string };
/** One request: path parameter values (decoded), query entries, body text with its content type. */
type Probe = {
  credentials: Credentials;
  params: Record<string, string>;
  query: [string, string][];
  body: { text: string; type: string } | undefined;
};
type Part = "body" | "path" | "query" | "credentials" | "everything";
type ErrorBody = { error?: { code?: unknown; message?: unknown } };

const all: Contract[] = contracts;
const writes = all.filter((c) => c.method !== "GET");
const maxBytes = (c: Contract) => c.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

// ---------------------------------------------------------------------------------------------------------------
// Fixtures

/** Reads and the "changes nothing" properties share `home`; `foreign` lends its ids to the path fuzz. */
let home: World;
let foreign: World;
beforeAll(async () => {
  home = await contractWorld();
  foreign = await contractWorld();
});

// ---------------------------------------------------------------------------------------------------------------
// Generators of odd values

const oddConstants = [
  "",
  " ",
  "\t\n",
  "\r\n\r\n",
  "%00",
  "../",
  "../../etc/passwd",
  "..%2F..%2F",
  "\\",
  '\'; DROP TABLE "Post"; --',
  "<script>alert(1)</script>",
  "null",
  "true",
  "0",
  "-0",
  "1e308",
  "NaN",
  "Infinity",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "${x}",
  "%s%n",
  "@everyone",
  "@",
  "a".repeat(65),
];
const oddUnicode = [
  "\u202Eevil",
  "\uFEFF",
  "\u200B",
  "\u00A0",
  "\uD800",
  "\uDFFF",
  "a\uDBFFb",
  "💩",
  "👩‍👩‍👧‍👦",
  "𝕏",
  "Ω",
  "ß",
  "İ",
  "e\u0301",
  "\uFFFF",
  "\u{10FFFF}",
];
/** Text with control characters (NUL above all): the bytes that storage and logs choke on. */
const controlText = fc.string({
  unit: fc.constantFrom("\u0000", "\u0001", "\u0008", "\u001B", "\u007F", "\u0085", "\u2028", "a", " "),
  minLength: 1,
  maxLength: 12,
});

/** Strings up to `max` characters: a repeated unit, so huge ones stay cheap to generate and to shrink. */
const longString = (max: number) =>
  fc
    .tuple(fc.string({ unit: "binary", minLength: 1, maxLength: 4 }), fc.integer({ min: 100, max }))
    .map(([unit, n]) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n));

const oddString = (max: number) =>
  fc.oneof(
    { arbitrary: controlText, weight: 3 },
    { arbitrary: fc.constantFrom(...oddConstants), weight: 2 },
    { arbitrary: fc.constantFrom(...oddUnicode), weight: 2 },
    { arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 30 }), weight: 2 },
    { arbitrary: fc.string({ maxLength: 30 }), weight: 1 },
    { arbitrary: longString(max), weight: 1 },
  );

const oddNumber = fc.oneof(
  fc.constantFrom(1e308, -1e308, -0, 0, 5e-324, 2 ** 53, -(2 ** 53), 2 ** 31, 1.5, -1, 1, 365, 366, 1e6),
  fc.double(),
  fc.integer(),
);

const deeplyNested = fc.integer({ min: 1, max: 3000 }).map((depth) => {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});

/** Objects whose own `__proto__` / `constructor` keys are data, as JSON.parse makes them. */
const protoKeys = fc
  .constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"__proto__":null}')
  .map((t) => JSON.parse(t) as unknown);

/** Any JSON value a client might put in a field: odd strings first, then wrong types, odd numbers, deep nesting. */
const oddValue = (max: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: oddString(max), weight: 6 },
    { arbitrary: oddNumber, weight: 2 },
    { arbitrary: fc.constantFrom(true, false, null, [], {}), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 1 },
    { arbitrary: deeplyNested, weight: 1 },
    { arbitrary: protoKeys, weight: 1 },
  );

// ---------------------------------------------------------------------------------------------------------------
// Generators of request parts

const NOT_JSON_TYPES = [
  "text/plain",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=x",
  "application/xml",
  "application/jsonx",
  "json",
  "*/*",
  "",
];
const jsonTypes = fc.constantFrom(
  "application/json",
  "application/json; charset=utf-8",
  "APPLICATION/JSON",
  "application/vnd.api+json",
  "application/problem+json",
);
const malformedJson = fc.oneof(
  fc.constantFrom(
    "",
    " ",
    "{",
    '{"a":',
    "{'a':1}",
    "[1,2",
    "undefined",
    "NaN",
    "{a:1}",
    '{"a":1}garbage',
    '{"a":1,}',
    "\u0000",
    "\uFEFF\uFEFF{}",
    "tru",
    '"unterminated',
  ),
  fc.string({ unit: "binary", maxLength: 50 }),
);

/** Bodies: mostly the valid sample with a field made odd (the rest passes, so the odd value travels furthest). */
function bodyArb(c: Contract, w: World): fc.Arbitrary<Probe["body"]> {
  const json = (value: fc.Arbitrary<unknown>) =>
    fc.tuple(value, jsonTypes).map(([v, type]) => ({ text: JSON.stringify(v) ?? "null", type }));
  // Endpoints without a body must ignore whatever is sent (DELETE, the resend POST); GET cannot carry one.
  if (!c.body)
    return c.method === "GET"
      ? fc.constant(undefined)
      : fc.option(json(fc.jsonValue({ maxDepth: 2 })), { nil: undefined });
  const max = maxBytes(c);
  const keys = bodyKeys(c);
  const valid = sampleBody(c as BodyContract, w.ids);
  const key = fc.constantFrom(...keys);
  const allKeysOdd = fc.record(Object.fromEntries(keys.map((k) => [k, oddValue(max)])), { requiredKeys: [] });
  const extraKeys = fc.dictionary(
    fc.oneof(
      key,
      fc.constantFrom("__proto__", "constructor", "id", "workspaceId", "authorId", "role"),
      fc.string({ maxLength: 10 }),
    ),
    oddValue(200),
    { maxKeys: 3 },
  );
  return fc.oneof(
    { arbitrary: json(fc.tuple(key, oddValue(max)).map(([k, v]) => ({ ...valid, [k]: v }))), weight: 8 },
    { arbitrary: json(fc.tuple(allKeysOdd, extraKeys).map(([a, b]) => ({ ...b, ...a }))), weight: 3 },
    { arbitrary: json(fc.jsonValue({ maxDepth: 4 })), weight: 2 },
    { arbitrary: json(fc.constant(valid)), weight: 1 },
    { arbitrary: fc.record({ text: malformedJson, type: jsonTypes }), weight: 2 },
    {
      arbitrary: fc.record({
        text: fc.oneof(fc.constant(JSON.stringify(valid)), malformedJson),
        type: fc.constantFrom(...NOT_JSON_TYPES),
      }),
      weight: 2,
    },
    {
      arbitrary: fc.constant({ text: JSON.stringify({ ...valid, pad: "x".repeat(max) }), type: "application/json" }),
      weight: 1,
    },
  );
}

function encodable(value: string): boolean {
  try {
    encodeURIComponent(value);
    return true;
  } catch {
    return false;
  }
}

/** A path segment: mostly the real id, sometimes another workspace's, often something odd. */
function paramArb(name: string, w: World): fc.Arbitrary<string> {
  const real = w.ids[name] ?? "missing";
  const odd = fc
    .oneof(
      fc.constantFrom(
        "../",
        "..%2F..",
        "%00",
        "\u0000",
        "a\u0000",
        "%2e%2e",
        "a/b",
        "a?b",
        "a#b",
        " ",
        "💩",
        "\u202E",
        "İd",
        "null",
        "undefined",
        "__proto__",
        "constructor",
      ),
      fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/),
      fc.string({ unit: "binary", minLength: 1, maxLength: 40 }),
      controlText,
      longString(10_000),
      fc.constantFrom(` ${real} `, `${real}\u0000`, real.toUpperCase(), `${real}/`),
    )
    // Whole-segment "." and ".." are resolved away by URL parsing before any route runs; lone surrogates cannot be encoded.
    .filter((v) => v.length > 0 && v !== "." && v !== ".." && encodable(v));
  return fc.oneof(
    { arbitrary: fc.constant(real), weight: 3 },
    { arbitrary: fc.constant(foreign.ids[name] ?? "missing"), weight: 2 },
    { arbitrary: odd, weight: 5 },
  );
}

const b64url = (s: string) => Buffer.from(s).toString("base64url");
/** Any date JavaScript can hold (years -271821 to 275760), and strings that only look like dates. */
const dateish = fc.oneof(
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.constantFrom(
    "2026-01-01T00:00:00.000Z",
    "0000-01-01T00:00:00.000Z",
    "-000001-12-31T00:00:00.000Z",
    "9999-12-31T23:59:59.999Z",
    "1970-01-01",
    "0",
    "2026-02-30",
    "10000",
    "",
  ),
);
/** Cursors: random base64url, odd strings, and well-formed ones (as this API encodes them) carrying odd dates and ids. */
const cursorArb = (w: World) =>
  fc.oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{0,250}$/),
    oddString(300),
    fc
      .tuple(dateish, fc.oneof(fc.constant(w.ids.postId ?? ""), oddString(100)))
      .map(([d, id]) => b64url(JSON.stringify([d, id]))),
    fc.jsonValue({ maxDepth: 2 }).map((v) => b64url(JSON.stringify(v) ?? "")),
  );
const limitArb = fc.oneof(
  fc.integer().map(String),
  fc.constantFrom(
    "0",
    "1",
    "100",
    "101",
    "-1",
    "1e2",
    "0x10",
    "1.5",
    " 5 ",
    "Infinity",
    "NaN",
    "",
    "٣",
    "1_0",
    "0010",
    "9".repeat(400),
  ),
  oddString(100),
);

/** Query entries (repeats allowed): cursor and limit for list endpoints, plus unknown parameters anywhere. */
function queryArb(c: Contract, w: World): fc.Arbitrary<[string, string][]> {
  const unknown = fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom("sort", "__proto__", "constructor", "cursor", "limit", "limit[]"),
        fc.string({ maxLength: 10 }),
      ),
      oddString(100),
    ),
    { minLength: 1, maxLength: 2 },
  );
  if (!c.query) return unknown;
  // Search's query language: odd text, and filters and tsquery operators in every arrangement.
  const searchText = fc.oneof(
    oddString(320),
    fc
      .array(
        fc.constantFrom(
          "release",
          '"exact phrase"',
          "-not",
          "or",
          "in:#general",
          "in:",
          "from:@ab",
          "from:@",
          "before:2026-01-01",
          "after:9999-12-31",
          "before:0000-00-00",
          "has:file",
          "has:",
          "!",
          "&",
          "|",
          "<->",
          ":*",
          "(",
          '"',
          "\\",
          "'",
        ),
        { maxLength: 8 },
      )
      .map((words) => words.join(" ")),
  );
  const hasText = "shape" in c.query && "q" in (c.query as unknown as { shape: object }).shape;
  const known = fc
    .record(
      { cursor: cursorArb(w), limit: limitArb, ...(hasText ? { q: searchText } : {}) },
      { requiredKeys: hasText ? ["q"] : [] },
    )
    .map((q): [string, string][] => Object.entries(q));
  return fc.oneof(
    { arbitrary: known, weight: 4 },
    { arbitrary: fc.tuple(known, unknown).map(([a, b]) => [...a, ...b]), weight: 1 },
  );
}

const headerValue = fc.stringMatching(/^[\x21-\x7e]{0,300}$/);
/** Anything but the owner's session: API tokens, nothing, and garbage in the Authorization or Cookie header. */
const oddCredentials: fc.Arbitrary<Credentials> = fc.oneof(
  fc.constantFrom("admin-token" as const, "read-token" as const, "none" as const),
  headerValue.map((v) => ({ header: "authorization" as const, value: `Bearer tid_${v}` })),
  fc
    .constantFrom("Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearer a b", `Bearer tid_${"x".repeat(300)}`)
    .map((value) => ({ header: "authorization" as const, value })),
  headerValue.map((v) => ({ header: "cookie" as const, value: `authjs.session-token=${v}` })),
  fc
    .constantFrom("authjs.session-token=%E0%A4%A", "authjs.session-token.0=abc; authjs.session-token.1=def", "=; ;;")
    .map((value) => ({ header: "cookie" as const, value })),
);

/** Requests with `part` fuzzed and the rest valid (the owner's session, this workspace's ids, a valid body); "everything" fuzzes all. */
function probeArb(c: Contract, w: World, part: Part): fc.Arbitrary<Probe> {
  const odd = (p: Part) => part === p || part === "everything";
  return fc.record({
    credentials: odd("credentials")
      ? oddCredentials
      : fc.constantFrom<Credentials>("owner", "owner", "owner", "admin-token"),
    params: fc.record(
      Object.fromEntries(
        pathParams(c).map((name) => [name, odd("path") ? paramArb(name, w) : fc.constant(w.ids[name] ?? "missing")]),
      ),
    ),
    query: odd("query") ? queryArb(c, w) : fc.constant<[string, string][]>([]),
    body: odd("body")
      ? bodyArb(c, w)
      : fc.constant(
          c.body ? { text: JSON.stringify(sampleBody(c as BodyContract, w.ids)), type: "application/json" } : undefined,
        ),
  });
}

/** The parts worth fuzzing for a contract, with their run counts. */
const partsOf = (c: Contract): Part[] => [
  ...(c.body ? (["body"] as const) : []),
  ...(c.query ? (["query"] as const) : []),
  ...(pathParams(c).length ? (["path"] as const) : []),
  "credentials",
  "everything",
];

/** A seed per property, stable when contracts are added or reordered. */
const seedFor = (...parts: string[]) =>
  [...parts.join(" ")].reduce((h, ch) => Math.imul(h ^ (ch.codePointAt(0) ?? 0), 16_777_619), SEED) | 0;

// ---------------------------------------------------------------------------------------------------------------
// Sending and checking

function send(c: Contract, p: Probe, w: World): Promise<ApiResponse<ErrorBody>> {
  const path = c.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(p.params[name] ?? ""));
  const search = p.query.length ? `?${new URLSearchParams(p.query).toString()}` : "";
  const headers: Record<string, string> = p.body ? { "content-type": p.body.type } : {};
  const creds = p.credentials;
  if (typeof creds === "object") headers[creds.header] = creds.value;
  const cookie = creds === "owner" ? w.cookie : undefined;
  const token = creds === "admin-token" ? w.adminToken : creds === "read-token" ? w.readToken : undefined;
  return api<ErrorBody>(c.method, `/api/v1${path}${search}`, { cookie, token, headers, rawBody: p.body?.text });
}

/** Below 500, and a 4xx carries the error envelope with a message. */
function expectWellFormed(res: ApiResponse<ErrorBody>) {
  expect(res.status, JSON.stringify(res.json)).toBeLessThan(500);
  if (res.status >= 400) {
    expect(res.json).toEqual({
      error: expect.objectContaining({ code: expect.any(String), message: expect.stringMatching(/\S/) }),
    });
  }
}

/**
 * True when the contract's own rules certainly refuse the request, so it must be a 4xx that changes nothing:
 * no usable credentials, a path parameter that fails the schema or is not this workspace's id, or a body that is
 * not JSON, is over the limit, is sent as a non-JSON type, fails the schema, or names an id not in this workspace.
 */
function certainlyInvalid(c: Contract, p: Probe, w: World): boolean {
  if (typeof p.credentials !== "string" || p.credentials === "none") return true;
  // The read token holds only posts:read, which no write asks for.
  if (p.credentials === "read-token" && c.auth !== "none" && c.auth.scope !== "posts:read") return true;
  if (c.params) {
    const params = c.params.safeParse(p.params);
    if (!params.success) return true;
    if (Object.entries(params.data as Ids).some(([k, v]) => v !== w.ids[k])) return true;
  }
  if (!c.body) return false;
  if (!p.body || NOT_JSON_TYPES.includes(p.body.type) || Buffer.byteLength(p.body.text) > maxBytes(c)) return true;
  let parsed: unknown;
  try {
    // What the server reads: UTF-8 bytes decoded back (lone surrogates become U+FFFD, a leading BOM is dropped).
    parsed = JSON.parse(new TextDecoder().decode(new TextEncoder().encode(p.body.text)));
  } catch {
    return true;
  }
  const body = c.body.safeParse(parsed);
  if (!body.success) return true;
  const data = body.data as Record<string, unknown>;
  return Object.keys(data).some((k) => k.endsWith("Id") && data[k] !== w.ids[k]);
}

const MAIN_TABLES = ["Post", "Comment", "Channel", "Membership", "ApiToken", "Invite", "OutboxEvent"];

/** Row count and a hash of the contents of each main table (a token's lastUsedAt is bookkeeping, not a change). */
async function snapshot(): Promise<Record<string, string>> {
  const db = await getDb();
  const row = `(to_jsonb(x) - 'lastUsedAt')::text`;
  const sql = MAIN_TABLES.map(
    (t) =>
      `SELECT '${t}' AS t, count(*)::int AS n, md5(coalesce(string_agg(${row}, '|' ORDER BY ${row}), '')) AS h FROM "${t}" x`,
  ).join(" UNION ALL ");
  const rows = await db.$queryRawUnsafe<{ t: string; n: number; h: string }[]>(sql);
  expect(rows).toHaveLength(MAIN_TABLES.length);
  return Object.fromEntries(rows.map((r) => [r.t, `${r.n}:${r.h}`]));
}

// ---------------------------------------------------------------------------------------------------------------
// Properties

it("covers every contract, reads and writes", () => {
  expect(all.length).toBeGreaterThanOrEqual(20);
  expect(writes.length).toBeGreaterThanOrEqual(10);
  expect(all.filter((c) => c.query).length).toBeGreaterThanOrEqual(2);
});

describe.each(all.map((c) => [`${c.method} ${c.path}`, c] as const))("%s", (_, c) => {
  // Writes get their own workspace: a successful DELETE or PATCH here must not take fixtures from other contracts.
  let w: World;
  beforeAll(async () => {
    w = c.method === "GET" ? home : await contractWorld();
  });

  it.each(partsOf(c))("any %s: below 500, errors in the envelope", async (part) => {
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(probeArb(c, w, part), async (p) => {
        expectWellFormed(await send(c, p, w));
        sent++;
      }),
      { seed: seedFor(c.operationId, part), numRuns: RUNS[part] },
    );
    expect(sent).toBe(RUNS[part]);
  });

  if (c.method === "GET") return;
  it("certainly-invalid requests: a 4xx, and the main tables are unchanged", async () => {
    const invalid = fc
      .oneof(...partsOf(c).map((part) => probeArb(c, home, part)))
      .filter((p) => certainlyInvalid(c, p, home));
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(invalid, async (p) => {
        const before = await snapshot();
        const res = await send(c, p, home);
        expectWellFormed(res);
        expect(res.status, JSON.stringify(res.json)).toBeGreaterThanOrEqual(400);
        expect(await snapshot()).toEqual(before);
        sent++;
      }),
      { seed: seedFor(c.operationId, "invalid"), numRuns: RUNS.invalid },
    );
    expect(sent).toBe(RUNS.invalid);
  });
});
