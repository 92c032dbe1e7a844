// npm run bench:client-js — client JavaScript per page of the last production build (`npm run build`), gzipped:
// the framework's root chunks plus every chunk the page's layouts and page declare (from each page's client
// reference manifest). Polyfills are left out (served `nomodule`, modern browsers never load them). Prints one
// row per page and fails when a page exceeds CLIENT_JS_BUDGET_KB (default 150).
import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

const dir = path.resolve(process.argv[2] ?? ".next");
const budget = Number(process.env.CLIENT_JS_BUDGET_KB ?? 150);
const build = JSON.parse(readFileSync(path.join(dir, "build-manifest.json"), "utf8"));
const gz = new Map();
const size = (file) => {
  if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(dir, file))).length);
  return gz.get(file);
};
const manifests = [];
(function walk(d) {
  for (const e of readdirSync(d)) {
    const full = path.join(d, e);
    if (statSync(full).isDirectory()) walk(full);
    else if (e === "page_client-reference-manifest.js") manifests.push(full);
  }
})(path.join(dir, "server/app"));
const framework = build.rootMainFiles.reduce((n, f) => n + size(f), 0);
const rows = [];
for (const file of manifests) {
  const sandbox = { globalThis: {} };
  new Function("globalThis", readFileSync(file, "utf8"))(sandbox.globalThis);
  for (const [page, m] of Object.entries(sandbox.globalThis.__RSC_MANIFEST)) {
    if (page.startsWith("/_")) continue;
    const files = new Set(build.rootMainFiles);
    for (const list of Object.values(m.entryJSFiles ?? {})) for (const f of list) files.add(f);
    const total = [...files].reduce((n, f) => n + size(f), 0);
    rows.push([page.replace(/\/page$/, "") || "/", total]);
  }
}
rows.sort((a, b) => b[1] - a[1]);
const kb = (n) => (n / 1024).toFixed(1);
console.log(`framework root chunks: ${kb(framework)} kB gzip\n`);
console.log("| page | client JS, kB gzip |\n| --- | --- |");
for (const [page, total] of rows) console.log(`| ${page} | ${kb(total)} |`);
const over = rows.filter(([, t]) => t / 1024 > budget);
if (over.length) {
  console.error(`\nover the ${budget} kB budget: ${over.map(([p]) => p).join(", ")}`);
  process.exit(1);
}
