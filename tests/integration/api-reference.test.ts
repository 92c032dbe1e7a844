// The API reference page (/docs/api), rendered as the server renders it: every operation of the OpenAPI document and
// every error code has its anchor, and the `docs` link of a real error envelope points at one that exists.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import ApiReferencePage from "@/app/docs/api/page";
import { env } from "@/lib/env";
import { errorStatus } from "@/lib/errors";
import { contracts } from "@/lib/validation/api";
import { webhookEventTypes } from "@/lib/validation/webhooks";
import { api } from "../support/api";
import { createWorkspaceWithOwner } from "../factories";

let html: string;
let ids: Set<string>;
beforeAll(() => {
  html = renderToStaticMarkup(createElement(ApiReferencePage));
  ids = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
});

type ErrorBody = { error: { code: string; message: string; docs: string } };

/** The fragment of a docs URL, after checking that it points at this deployment's reference page. */
function anchorOf(docs: string): string {
  const url = new URL(docs);
  expect(url.origin).toBe(new URL(env.APP_URL).origin);
  expect(url.pathname).toBe("/docs/api");
  return decodeURIComponent(url.hash.slice(1));
}

describe("the API reference page", () => {
  it("has a section for every operation, with its method, path and scope", () => {
    expect(contracts.length).toBeGreaterThan(30);
    for (const c of contracts) {
      expect(ids, c.operationId).toContain(`op-${c.operationId}`);
      expect(html).toContain(c.path.replace(/&/g, "&amp;"));
      if (c.auth !== "none") expect(html).toContain(c.auth.scope);
    }
  });

  it("describes every webhook event type with its payload's fields", () => {
    expect(ids).toContain("webhook-events");
    for (const type of webhookEventTypes) {
      const anchor = `event-${type.replace(/[^a-z0-9]+/gi, "-")}`;
      expect(ids, type).toContain(anchor);
      expect(html).toMatch(new RegExp(`id="${anchor}"[^]*?<h3[^>]*>${type.replace(".", "\\.")}</h3>`));
    }
    expect(html).toContain("webhook-signature");
  });

  it("has an anchor for every error code, saying its status and meaning", () => {
    for (const [code, status] of Object.entries(errorStatus)) {
      const anchor = `error-${code.toLowerCase()}`;
      expect(ids).toContain(anchor);
      const section = new RegExp(`id="${anchor}"[^]*?<code[^>]*>${code}</code>[^]*?HTTP ${status}`);
      expect(html).toMatch(section);
    }
  });

  it("has a table of contents whose every link lands on an element of the page", () => {
    const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(contracts.length);
    for (const target of links) expect(ids, `#${target}`).toContain(target);
    expect(html).toContain('aria-label="API reference contents"');
  });

  it("loads nothing from another origin: no external script, stylesheet, font or image", () => {
    const external = [...html.matchAll(/<(script|link|img|iframe|source)\b[^>]*\b(src|href)="([^"]+)"/g)]
      .map((m) => m[3]!)
      .filter((u) => /^(https?:)?\/\//.test(u) && new URL(u, env.APP_URL).origin !== new URL(env.APP_URL).origin);
    expect(external).toEqual([]);
  });
});

describe("the error envelope links to the code's anchor on the page", () => {
  it.each([
    ["UNAUTHENTICATED", 401, () => api<ErrorBody>("GET", "/api/v1/me")],
    [
      "NOT_FOUND",
      404,
      async () => {
        const { cookie } = await createWorkspaceWithOwner();
        return api<ErrorBody>("GET", "/api/v1/workspaces/nonexistent0000000000/channels", { cookie });
      },
    ],
    [
      "VALIDATION_FAILED",
      422,
      async () => {
        const { cookie } = await createWorkspaceWithOwner();
        return api<ErrorBody>("GET", "/api/v1/me/notifications?cursor=garbage", { cookie });
      },
    ],
    [
      "BAD_REQUEST",
      400,
      async () => {
        const { cookie } = await createWorkspaceWithOwner();
        return api<ErrorBody>("PATCH", "/api/v1/me", {
          cookie,
          rawBody: "{not json",
          headers: { "content-type": "application/json" },
        });
      },
    ],
  ] as const)("%s", async (code, status, call) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    expect(res.json.error.message.length).toBeGreaterThan(5);
    expect(ids).toContain(anchorOf(res.json.error.docs));
    expect(anchorOf(res.json.error.docs)).toBe(`error-${code.toLowerCase()}`);
  });
});
