// /docs/api — the API reference, rendered on the server from the same OpenAPI document as /api/v1/openapi.json.
// Nothing is loaded from another origin: no script, style or font beyond the app's own.
import type { Metadata } from "next";
import Link from "next/link";
import { Logo } from "@/app/_components/icons";
import { env } from "@/lib/env";
import { errorDocsAnchor, errorMeaning, errorStatus, type ErrorCode } from "@/lib/errors";
import { scopes } from "@/lib/validation/enums";
import { buildOpenApiDocument } from "@/lib/validation/openapi";
import { Prose, SchemaView, schemaAnchor, TypeLabel, type JsonSchema } from "./schema-view";

export const metadata: Metadata = {
  title: "API reference",
  description: "The Tidings REST API: operations, parameters, schemas, pagination, rate limits and error codes.",
};

type Parameter = { name: string; in: string; required?: boolean; description?: string; schema?: JsonSchema };
type Header = { description?: string; required?: boolean };
type Response = {
  description: string;
  headers?: Record<string, Header>;
  content?: Record<string, { schema?: JsonSchema }>;
};
type Operation = {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema?: JsonSchema }> };
  responses: Record<string, Response>;
};
type Entry = { method: string; path: string; op: Operation };

const methodOrder = ["get", "post", "put", "patch", "delete"];
const opAnchor = (operationId: string) => `op-${operationId}`;
const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
const errorCodes = Object.keys(errorStatus) as ErrorCode[];
const codesWithStatus = (status: number) => errorCodes.filter((c) => errorStatus[c] === status);

const overview = [
  { id: "authentication", title: "Authentication" },
  { id: "responses", title: "Responses" },
  { id: "pagination", title: "Pagination" },
  { id: "rate-limits", title: "Rate limits" },
  { id: "idempotency", title: "Idempotent writes" },
  { id: "errors", title: "Errors" },
];

export default function ApiReferencePage() {
  const doc = buildOpenApiDocument(env.APP_URL);
  const baseUrl = doc.servers?.[0]?.url ?? "/api/v1";
  const schemas = (doc.components?.schemas ?? {}) as Record<string, JsonSchema>;
  const byTag = new Map<string, Entry[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const methods = Object.entries(item as Record<string, Operation>).sort(
      ([a], [b]) => methodOrder.indexOf(a) - methodOrder.indexOf(b),
    );
    for (const [method, op] of methods) {
      const tag = op.tags?.[0] ?? "Other";
      byTag.set(tag, [...(byTag.get(tag) ?? []), { method: method.toUpperCase(), path, op }]);
    }
  }
  const tags = [...byTag.entries()];
  // What Tidings POSTs to a registered endpoint: the document's `webhooks` section, one event type each.
  const events = Object.entries((doc.webhooks ?? {}) as Record<string, { post?: Operation }>).flatMap(([name, item]) =>
    item.post ? [{ name, op: item.post }] : [],
  );
  const schemaNames = Object.keys(schemas).sort((a, b) => a.localeCompare(b));

  const contents = (
    <ol className="space-y-3 text-sm">
      <li>
        <a href="#overview" className="link">
          Overview
        </a>
        <ol className="mt-1 space-y-1 border-l border-stone-200 pl-3">
          {overview.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`} className="text-stone-700 hover:underline">
                {s.title}
              </a>
            </li>
          ))}
        </ol>
      </li>
      {tags.map(([tag, entries]) => (
        <li key={tag}>
          <a href={`#${tagAnchor(tag)}`} className="link">
            {tag}
          </a>
          <ol className="mt-1 space-y-1 border-l border-stone-200 pl-3">
            {entries.map((e) => (
              <li key={e.op.operationId}>
                <a href={`#${opAnchor(e.op.operationId)}`} className="text-stone-700 hover:underline">
                  {e.op.summary?.split(/[(:;]/)[0]?.trim() || e.op.operationId}
                </a>
              </li>
            ))}
          </ol>
        </li>
      ))}
      {events.length > 0 && (
        <li>
          <a href="#webhook-events" className="link">
            Webhook events
          </a>
        </li>
      )}
      <li>
        <a href="#error-codes" className="link">
          Error codes
        </a>
      </li>
      <li>
        <a href="#schemas" className="link">
          Schemas
        </a>
      </li>
    </ol>
  );

  return (
    <div className="min-h-dvh bg-stone-50">
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-3">
          <Link href="/" className="flex items-center gap-2 font-semibold">
            <Logo /> Tidings
          </Link>
          <span className="text-stone-600">API reference</span>
          <a href="/api/v1/openapi.json" className="link ml-auto text-sm">
            OpenAPI 3.1 document (JSON)
          </a>
        </div>
      </header>

      <div className="mx-auto max-w-6xl px-4 md:grid md:grid-cols-[15rem_minmax(0,1fr)] md:gap-8">
        <nav aria-label="API reference contents" className="hidden md:block">
          <div className="sticky top-0 max-h-dvh overflow-y-auto py-6 pr-2">
            <h2 className="mb-3 text-xs font-semibold tracking-wide text-stone-600 uppercase">Contents</h2>
            {contents}
          </div>
        </nav>

        <main id="main" className="min-w-0 py-6">
          <h1 className="text-2xl font-semibold">{doc.info.title}</h1>
          <p className="mt-1 text-sm text-stone-600">
            Version {doc.info.version} · base URL <code className="font-mono break-all">{baseUrl}</code>
          </p>

          <details className="card mt-4 p-4 md:hidden">
            <summary className="cursor-pointer font-medium">Contents</summary>
            <nav aria-label="API reference contents (compact)" className="mt-3">
              {contents}
            </nav>
          </details>

          <Overview baseUrl={baseUrl} />

          {tags.map(([tag, entries]) => (
            <section
              key={tag}
              id={tagAnchor(tag)}
              aria-labelledby={`${tagAnchor(tag)}-h`}
              className="mt-10 scroll-mt-4"
            >
              <h2 id={`${tagAnchor(tag)}-h`} className="text-xl font-semibold">
                {tag}
              </h2>
              <div className="mt-4 space-y-6">
                {entries.map((e) => (
                  <OperationView key={e.op.operationId} entry={e} schemas={schemas} />
                ))}
              </div>
            </section>
          ))}

          {events.length > 0 && (
            <section id="webhook-events" aria-labelledby="webhook-events-h" className="mt-10 scroll-mt-4">
              <h2 id="webhook-events-h" className="text-xl font-semibold">
                Webhook events
              </h2>
              <p className="mt-2 text-sm text-stone-700">
                What Tidings sends to an endpoint registered under{" "}
                <a href={`#${tagAnchor("Webhooks")}`} className="link">
                  Webhooks
                </a>
                : a <code className="font-mono">POST</code> with a JSON body, signed per Standard Webhooks (the{" "}
                <code className="font-mono">webhook-id</code>, <code className="font-mono">webhook-timestamp</code> and{" "}
                <code className="font-mono">webhook-signature</code> headers; verify them with the{" "}
                <code className="font-mono">standardwebhooks</code> package and the endpoint&apos;s secret). Any 2xx
                acknowledges an event; anything else, or no answer within 10 seconds, is retried with backoff.
              </p>
              <div className="mt-4 space-y-4">
                {events.map(({ name, op }) => {
                  const body = op.requestBody?.content["application/json"]?.schema;
                  return (
                    <div key={name} id={`event-${name.replace(/[^a-z0-9]+/gi, "-")}`} className="card scroll-mt-4 p-4">
                      <h3 className="font-mono font-semibold">{name}</h3>
                      {op.description && (
                        <p className="mt-1 text-sm text-stone-700">
                          <Prose text={op.description} />
                        </p>
                      )}
                      {body && (
                        <div className="mt-2">
                          <BodyView schema={body} schemas={schemas} />
                        </div>
                      )}
                    </div>
                  );
                })}
              </div>
            </section>
          )}

          <section id="error-codes" aria-labelledby="error-codes-h" className="mt-10 scroll-mt-4">
            <h2 id="error-codes-h" className="text-xl font-semibold">
              Error codes
            </h2>
            <p className="mt-2 text-sm text-stone-700">
              Every error answers <code className="font-mono">{"{ error: { code, message, details?, docs } }"}</code>;{" "}
              <code className="font-mono">docs</code> links to the code&apos;s entry below.
            </p>
            <dl className="mt-4 space-y-3">
              {errorCodes.map((code) => (
                <div key={code} id={errorDocsAnchor(code)} className="card scroll-mt-4 p-4">
                  <dt className="flex flex-wrap items-baseline gap-2">
                    <code className="font-mono font-semibold">{code}</code>
                    <span className="text-sm text-stone-600">HTTP {errorStatus[code]}</span>
                  </dt>
                  <dd className="mt-1 text-sm text-stone-800">
                    <Prose text={errorMeaning[code]} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>

          <section id="schemas" aria-labelledby="schemas-h" className="mt-10 scroll-mt-4">
            <h2 id="schemas-h" className="text-xl font-semibold">
              Schemas
            </h2>
            <div className="mt-4 space-y-4">
              {schemaNames.map((name) => (
                <div key={name} id={schemaAnchor(name)} className="card scroll-mt-4 p-4">
                  <h3 id={`${schemaAnchor(name)}-h`} className="font-mono font-semibold">
                    {name}
                  </h3>
                  {schemas[name]?.description && (
                    <p className="mt-1 text-sm text-stone-700">
                      <Prose text={schemas[name].description} />
                    </p>
                  )}
                  <div className="mt-2">
                    <SchemaView schema={schemas[name] ?? {}} />
                  </div>
                </div>
              ))}
            </div>
          </section>
        </main>
      </div>
    </div>
  );
}

function Overview({ baseUrl }: { baseUrl: string }) {
  const code = "rounded bg-stone-100 px-1 py-0.5 font-mono text-[0.85em]";
  return (
    <section id="overview" aria-labelledby="overview-h" className="mt-8 scroll-mt-4">
      <h2 id="overview-h" className="text-xl font-semibold">
        Overview
      </h2>
      <div className="mt-3 space-y-6 text-sm leading-relaxed text-stone-800">
        <div id="authentication" className="scroll-mt-4">
          <h3 id="authentication-h" className="font-semibold">
            Authentication
          </h3>
          <p className="mt-1">
            Send an API token as <code className={code}>Authorization: Bearer tid_…</code>. Create one on a
            workspace&apos;s <strong>API tokens</strong> page: it acts as you, in that workspace only, with the scopes
            you picked. Each operation below names the scope it needs (<code className={code}>admin</code> grants them
            all). The app&apos;s own pages call the same API with the session cookie; a cookie-authenticated change from
            another site is refused (
            <a href={`#${errorDocsAnchor("FORBIDDEN")}`} className="link">
              FORBIDDEN
            </a>
            ).
          </p>
          <p className="mt-1">
            Scopes:{" "}
            {scopes.map((s, i) => (
              <span key={s}>
                {i > 0 && ", "}
                <code className={code}>{s}</code>
              </span>
            ))}
            .
          </p>
        </div>
        <div id="responses" className="scroll-mt-4">
          <h3 id="responses-h" className="font-semibold">
            Responses
          </h3>
          <p className="mt-1">
            Every path is under <code className={`${code} break-all`}>{baseUrl}</code>. A success answers{" "}
            <code className={code}>{"{ data }"}</code>, a list{" "}
            <code className={code}>{"{ data: [...], nextCursor }"}</code>, an error{" "}
            <code className={code}>{"{ error: { code, message, details?, docs } }"}</code>. Every response carries{" "}
            <code className={code}>x-request-id</code> (send your own to follow a request through the logs). Times are
            ISO 8601 in UTC.
          </p>
        </div>
        <div id="pagination" className="scroll-mt-4">
          <h3 id="pagination-h" className="font-semibold">
            Pagination
          </h3>
          <p className="mt-1">
            Every list that can grow is paginated by cursor: pass <code className={code}>limit</code> (1–100, default
            25) and, for the next page, <code className={code}>cursor</code> set to the previous answer&apos;s{" "}
            <code className={code}>nextCursor</code>; it is <code className={code}>null</code> on the last page. A
            cursor is opaque and names the last item shown, so items added while you walk a list are neither repeated
            nor skipped. A cursor this API did not issue is a{" "}
            <a href={`#${errorDocsAnchor("VALIDATION_FAILED")}`} className="link">
              VALIDATION_FAILED
            </a>
            .
          </p>
        </div>
        <div id="rate-limits" className="scroll-mt-4">
          <h3 id="rate-limits-h" className="font-semibold">
            Rate limits
          </h3>
          <p className="mt-1">
            Each token or signed-in person has an allowance per minute. Every response carries{" "}
            <code className={code}>RateLimit-Limit</code>, <code className={code}>RateLimit-Remaining</code> and{" "}
            <code className={code}>RateLimit-Reset</code> (seconds); over the limit the answer is 429{" "}
            <a href={`#${errorDocsAnchor("RATE_LIMITED")}`} className="link">
              RATE_LIMITED
            </a>{" "}
            with <code className={code}>Retry-After</code>.
          </p>
        </div>
        <div id="idempotency" className="scroll-mt-4">
          <h3 id="idempotency-h" className="font-semibold">
            Idempotent writes
          </h3>
          <p className="mt-1">
            Every <code className={code}>POST</code>, <code className={code}>PUT</code>,{" "}
            <code className={code}>PATCH</code> and <code className={code}>DELETE</code> accepts an{" "}
            <code className={code}>Idempotency-Key</code> header (a UUID is ideal). A retry with the same key and the
            same request gets the first response back with <code className={code}>Idempotent-Replayed: true</code> and
            changes nothing; the same key with another request is a 422, and while the first is still running a 409.
            Keys are kept 24 hours per caller.
          </p>
        </div>
        <div id="errors" className="scroll-mt-4">
          <h3 id="errors-h" className="font-semibold">
            Errors
          </h3>
          <p className="mt-1">
            Branch on <code className={code}>error.code</code>, not on the message. Each code is explained under{" "}
            <a href="#error-codes" className="link">
              Error codes
            </a>
            , and every error&apos;s <code className={code}>docs</code> field links straight to its entry.
          </p>
          <pre
            tabIndex={0}
            className="mt-2 overflow-x-auto rounded-md bg-stone-900 p-3 font-mono text-xs text-stone-100"
          >
            {JSON.stringify(
              {
                error: {
                  code: "NOT_FOUND",
                  message: "Channel not found",
                  docs: `${baseUrl.replace(/\/api\/v1$/, "")}/docs/api#${errorDocsAnchor("NOT_FOUND")}`,
                },
              },
              null,
              2,
            )}
          </pre>
        </div>
      </div>
    </section>
  );
}

const methodStyle: Record<string, string> = {
  GET: "bg-sky-100 text-sky-900",
  POST: "bg-emerald-100 text-emerald-900",
  PUT: "bg-amber-100 text-amber-900",
  PATCH: "bg-amber-100 text-amber-900",
  DELETE: "bg-red-100 text-red-900",
};

function OperationView({
  entry: { method, path, op },
  schemas,
}: {
  entry: Entry;
  schemas: Record<string, JsonSchema>;
}) {
  const id = opAnchor(op.operationId);
  const params = (op.parameters ?? []).filter((p) => p.in !== "header");
  const headers = (op.parameters ?? []).filter((p) => p.in === "header");
  const body = op.requestBody?.content["application/json"]?.schema;
  const statuses = Object.keys(op.responses).sort();
  return (
    <article id={id} aria-labelledby={`${id}-h`} className="card scroll-mt-4 p-4">
      <h3 id={`${id}-h`} className="flex flex-wrap items-center gap-2 font-semibold">
        <span className={`rounded px-1.5 py-0.5 font-mono text-xs font-bold ${methodStyle[method] ?? ""}`}>
          {method}
        </span>
        <code className="font-mono text-sm break-all">{path}</code>
      </h3>
      <p className="mt-2 text-sm text-stone-800">
        <Prose text={op.summary} />
      </p>
      <p className="mt-1 text-xs text-stone-600">
        <code className="font-mono">{op.operationId}</code> ·{" "}
        {op.security && op.security.length === 0 ? "no credentials needed" : <Prose text={op.description} />}
      </p>

      {params.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">Parameters</h4>
          <ul className="mt-1 divide-y divide-stone-100 text-sm">
            {params.map((p) => (
              <li key={`${p.in}-${p.name}`} className="py-2">
                <p className="flex flex-wrap items-baseline gap-x-2">
                  <code className="font-mono font-semibold">{p.name}</code>
                  <span className="text-xs text-stone-600">in {p.in}</span>
                  {p.schema && <TypeLabel schema={p.schema} />}
                  <span className={`text-xs ${p.required ? "font-semibold text-red-800" : "text-stone-600"}`}>
                    {p.required ? "required" : "optional"}
                  </span>
                </p>
                {p.schema && <ParamFacts schema={p.schema} description={p.description} />}
              </li>
            ))}
          </ul>
        </>
      )}

      {headers.length > 0 && (
        <>
          <h4 className="mt-4 text-sm font-semibold">Request headers</h4>
          <ul className="mt-1 text-sm">
            {headers.map((h) => (
              <li key={h.name} className="py-1">
                <code className="font-mono font-semibold">{h.name}</code>{" "}
                <span className="text-xs text-stone-600">optional</span>
                <p className="text-stone-700">
                  <Prose text={h.description} /> See{" "}
                  <a href="#idempotency" className="link">
                    Idempotent writes
                  </a>
                  .
                </p>
              </li>
            ))}
          </ul>
        </>
      )}

      {body && (
        <>
          <h4 className="mt-4 text-sm font-semibold">
            Request body <span className="font-normal text-stone-600">(application/json)</span>
          </h4>
          <div className="mt-1">
            <BodyView schema={body} schemas={schemas} />
          </div>
        </>
      )}

      <h4 className="mt-4 text-sm font-semibold">Responses</h4>
      <ul className="mt-1 space-y-2 text-sm">
        {statuses.map((status) => {
          const res = op.responses[status]!;
          const schema = res.content?.["application/json"]?.schema;
          const error = Number(status) >= 400;
          return (
            <li key={status}>
              <p className="flex flex-wrap items-baseline gap-x-2">
                <span className={`font-mono font-semibold ${error ? "text-red-800" : "text-emerald-800"}`}>
                  {status}
                </span>
                <span className="text-stone-800">
                  <Prose text={res.description} />
                </span>
                {error &&
                  codesWithStatus(Number(status)).map((code) => (
                    <a key={code} href={`#${errorDocsAnchor(code)}`} className="link font-mono text-xs">
                      {code}
                    </a>
                  ))}
              </p>
              {!error && res.headers && (
                <p className="mt-0.5 text-xs text-stone-600">
                  Headers:{" "}
                  {Object.keys(res.headers).map((h, i) => (
                    <span key={h}>
                      {i > 0 && ", "}
                      <code className="font-mono">{h}</code>
                    </span>
                  ))}
                </p>
              )}
              {!error && schema && (
                <div className="mt-1 rounded-md border border-stone-200 p-3">
                  <SchemaView schema={schema} />
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </article>
  );
}

function ParamFacts({ schema, description }: { schema: JsonSchema; description?: string }) {
  const text = description ?? schema.description;
  const bits = [
    schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : "",
    schema.minimum !== undefined && schema.maximum !== undefined ? `${schema.minimum}–${schema.maximum}` : "",
    schema.example !== undefined ? `e.g. ${JSON.stringify(schema.example)}` : "",
  ].filter(Boolean);
  if (!text && bits.length === 0) return null;
  return (
    <p className="mt-0.5 text-stone-700">
      <Prose text={text} />
      {bits.length > 0 && <span className="text-stone-600"> {bits.join(" · ")}</span>}
    </p>
  );
}

/** A request body: a named schema is shown expanded here (with a link to its entry), an inline one as is. */
function BodyView({ schema, schemas }: { schema: JsonSchema; schemas: Record<string, JsonSchema> }) {
  const named = schema.$ref ? schemas[schema.$ref.replace(/^#\/components\/schemas\//, "")] : undefined;
  return (
    <div className="rounded-md border border-stone-200 p-3">
      {named && (
        <p className="mb-1 text-xs text-stone-600">
          Schema <TypeLabel schema={schema} />
        </p>
      )}
      <SchemaView schema={named ?? schema} />
    </div>
  );
}
