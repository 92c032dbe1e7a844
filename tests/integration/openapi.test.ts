import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { contracts } from "@/lib/validation/api";
import type { Contract } from "@/lib/validation/contract";
import { api, routeFiles } from "../support/api";

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
type Doc = {
  openapi: string;
  info: { title: string; version: string };
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, unknown>; securitySchemes?: Record<string, unknown> };
  security?: Record<string, string[]>[];
};
type Operation = {
  operationId: string;
  parameters?: { name: string; in: string; required?: boolean; schema?: unknown }[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { description: string; content?: Record<string, { schema: unknown }> }>;
  security?: unknown[];
};

/** The route files under app/api/v1 as OpenAPI paths (`[id]` → `{id}`), with the module each one loads. */
const v1Routes = routeFiles()
  .filter((r) => r.urlPath.startsWith("/api/v1/"))
  .map((r) => ({ ...r, path: r.urlPath.slice("/api/v1".length).replace(/\[(\w+)\]/g, "{$1}") }));

/** The body exactly as served: the document itself, not wrapped in the `{ data }` envelope. */
async function loadDoc(): Promise<Doc> {
  const res = await api<Doc>("GET", "/api/v1/openapi.json");
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  return res.json;
}

/** Every `$ref` in the document, with where it was found. */
function refs(value: unknown, at = "#", out: [string, string][] = []): [string, string][] {
  if (Array.isArray(value)) value.forEach((v, i) => refs(v, `${at}/${i}`, out));
  else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) {
      if (k === "$ref" && typeof v === "string") out.push([at, v]);
      else refs(v, `${at}/${k}`, out);
    }
  }
  return out;
}

describe("OpenAPI document", () => {
  it("is served without credentials and is a well-formed OpenAPI 3.1 document", async () => {
    const doc = await loadDoc();
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info.title).toBeTruthy();
    expect(doc.info.version).toBeTruthy();
    expect(doc.servers?.[0]?.url).toMatch(/^https?:\/\/.+\/api\/v1$/);
    expect(Object.keys(doc.paths).length).toBeGreaterThan(10);

    const schemes = Object.keys(doc.components?.securitySchemes ?? {});
    for (const requirement of doc.security ?? [])
      for (const name of Object.keys(requirement)) expect(schemes).toContain(name);

    const operationIds = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths)) {
      expect(path).toMatch(/^\//);
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect(
          HTTP_METHODS.map((m) => m.toLowerCase()),
          where,
        ).toContain(method);
        expect(op.operationId, where).toMatch(/^[a-zA-Z]+$/);
        expect(operationIds.has(op.operationId), `${where}: duplicate operationId ${op.operationId}`).toBe(false);
        operationIds.add(op.operationId);
        // Path templates and path parameters agree, and path parameters are required.
        const pathParams = (op.parameters ?? []).filter((p) => p.in === "path");
        expect(pathParams.map((p) => p.name).sort(), where).toEqual(templated);
        for (const p of pathParams) expect(p.required, `${where}: {${p.name}} must be required`).toBe(true);
        for (const p of op.parameters ?? []) expect(["path", "query", "header", "cookie"], where).toContain(p.in);
        // Responses: at least one success, every code a valid status, each with a description.
        const codes = Object.keys(op.responses);
        expect(
          codes.some((c) => /^2\d\d$/.test(c)),
          where,
        ).toBe(true);
        for (const code of codes) {
          expect(code, where).toMatch(/^[1-5]\d\d$/);
          expect(op.responses[code]?.description, `${where} ${code}`).toBeTruthy();
        }
        if (op.requestBody) expect(op.requestBody.content["application/json"]?.schema, where).toBeTruthy();
      }
    }

    expect(refs(doc).length).toBeGreaterThan(10);
    for (const [at, ref] of refs(doc)) {
      const match = /^#\/components\/(schemas|securitySchemes)\/(.+)$/.exec(ref);
      expect(match, `${at}: unexpected $ref ${ref}`).not.toBeNull();
      expect(
        doc.components?.[match![1] as "schemas"]?.[match![2] as string],
        `${at}: dangling $ref ${ref}`,
      ).toBeDefined();
    }
  });

  it("documents every error response with the error envelope", async () => {
    const doc = await loadDoc();
    expect(doc.components?.schemas?.Error).toBeDefined();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [code, res] of Object.entries(op.responses)) {
          if (Number(code) < 400) continue;
          expect(res.content?.["application/json"]?.schema, `${method} ${path} ${code}`).toEqual({
            $ref: "#/components/schemas/Error",
          });
        }
      }
    }
  });

  it("has every route file's exported methods, and each handler carries its own contract", async () => {
    const doc = await loadDoc();
    expect(v1Routes.length).toBeGreaterThan(5);
    for (const r of v1Routes) {
      const mod = (await import(/* @vite-ignore */ r.file)) as Record<string, unknown>;
      const methods = HTTP_METHODS.filter((m) => m in mod);
      expect(methods.length, `${r.file} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of methods) {
        const where = `${method} ${r.path} (${r.file})`;
        expect(doc.paths[r.path]?.[method.toLowerCase()], `${where} is not in the OpenAPI document`).toBeDefined();
        const contract = (mod[method] as { contract?: Contract }).contract;
        expect(contract, `${where} is not wrapped in route()`).toBeDefined();
        expect({ path: contract?.path, method: contract?.method }, where).toEqual({ path: r.path, method });
        expect(doc.paths[r.path]?.[method.toLowerCase()]?.operationId, where).toBe(contract?.operationId);
      }
    }
  });

  it("has a route file exporting every documented path and method", async () => {
    const doc = await loadDoc();
    for (const [path, item] of Object.entries(doc.paths)) {
      const file = v1Routes.find((r) => r.path === path);
      expect(file, `${path} is documented but has no route file`).toBeDefined();
      const mod = (await import(/* @vite-ignore */ file!.file)) as Record<string, unknown>;
      for (const method of Object.keys(item))
        expect(
          mod[method.toUpperCase()],
          `${method.toUpperCase()} ${path} is documented but not exported`,
        ).toBeDefined();
    }
  });

  it("is generated from the contracts: one operation per contract", async () => {
    const doc = await loadDoc();
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([m, op]) => `${m.toUpperCase()} ${path} ${op.operationId}`),
    );
    expect(documented.sort()).toEqual(contracts.map((c) => `${c.method} ${c.path} ${c.operationId}`).sort());
  });

  it("is served as the document itself, which validates against the official OpenAPI 3.1 JSON schema", async () => {
    const doc = await loadDoc();
    expect(Object.keys(doc)).not.toContain("data");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents the 429 answer and the RateLimit headers on every operation", async () => {
    const doc = await loadDoc();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const where = `${method.toUpperCase()} ${path}`;
        const success = Object.entries(op.responses).find(([code]) => code.startsWith("2"))?.[1] as
          { headers?: Record<string, unknown> } | undefined;
        const write = method !== "get" && (op as { security?: unknown[] }).security === undefined;
        expect(Object.keys(success?.headers ?? {}), where).toEqual([
          "RateLimit-Limit",
          "RateLimit-Remaining",
          "RateLimit-Reset",
          ...(write ? ["Idempotent-Replayed"] : []),
        ]);
        // Every authenticated write takes an Idempotency-Key.
        const headerParams = ((op as { parameters?: { in: string; name: string }[] }).parameters ?? [])
          .filter((p) => p.in === "header")
          .map((p) => p.name);
        expect(headerParams, where).toEqual(write ? ["Idempotency-Key"] : []);
        expect(
          Object.keys((op.responses["429"] as { headers?: Record<string, unknown> } | undefined)?.headers ?? {}),
          where,
        ).toContain("Retry-After");
      }
    }
  });
});
