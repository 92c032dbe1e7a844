// A local stand-in for GitHub's OAuth and user endpoints, laid out as a GitHub Enterprise Server (next-auth's GitHub
// provider takes its base URL): /login/oauth/authorize (a small "authorize" page), /login/oauth/access_token (checks
// the client secret, the code and its PKCE verifier), /api/v3/user and /api/v3/user/emails.
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type GitHubPerson = {
  login: string;
  id: number;
  name: string;
  /** The public profile email (null when private, as many are). */
  publicEmail: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => resolve(raw));
  });

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export async function startGitHubFake(options: { clientId: string; clientSecret: string; port?: number }) {
  const people = new Map<string, GitHubPerson>();
  const codes = new Map<string, { login: string; redirectUri: string; challenge: string | null }>();
  const tokens = new Map<string, string>();

  const json = (res: ServerResponse, status: number, body: unknown) =>
    res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? "/", "http://127.0.0.1");
      if (url.pathname === "/login/oauth/authorize" && req.method === "GET") {
        if (url.searchParams.get("client_id") !== options.clientId) return json(res, 400, { error: "bad client" });
        const hidden = ["redirect_uri", "state", "code_challenge", "code_challenge_method"]
          .map((n) => `<input type="hidden" name="${n}" value="${escape(url.searchParams.get(n) ?? "")}">`)
          .join("");
        return res
          .writeHead(200, { "content-type": "text/html; charset=utf-8" })
          .end(
            `<!doctype html><html lang="en"><title>Authorize Tidings · GitHub (fake)</title><main><h1>Authorize Tidings</h1>` +
              `<form method="post" action="/login/oauth/authorize">${hidden}` +
              `<label for="login">Username</label> <input id="login" name="login" required>` +
              `<button type="submit">Authorize</button></form></main></html>`,
          );
      }
      if (url.pathname === "/login/oauth/authorize" && req.method === "POST") {
        const form = new URLSearchParams(await readBody(req));
        const login = form.get("login") ?? "";
        if (!people.has(login)) return res.writeHead(404).end("no such GitHub user");
        const code = randomBytes(12).toString("hex");
        const redirectUri = form.get("redirect_uri") ?? "";
        codes.set(code, { login, redirectUri, challenge: form.get("code_challenge") || null });
        const back = new URL(redirectUri);
        back.searchParams.set("code", code);
        back.searchParams.set("state", form.get("state") ?? "");
        return res.writeHead(302, { location: back.toString() }).end();
      }
      if (url.pathname === "/login/oauth/access_token" && req.method === "POST") {
        const form = new URLSearchParams(await readBody(req));
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const [id, secret] = basic
          ? Buffer.from(basic, "base64").toString().split(":").map(decodeURIComponent)
          : [form.get("client_id"), form.get("client_secret")];
        if (id !== options.clientId || secret !== options.clientSecret)
          return json(res, 401, { error: "incorrect_client_credentials" });
        const grant = codes.get(form.get("code") ?? "");
        codes.delete(form.get("code") ?? "");
        const verifier = form.get("code_verifier") ?? "";
        const proof = createHash("sha256").update(verifier).digest("base64url");
        if (!grant || grant.redirectUri !== form.get("redirect_uri") || (grant.challenge && grant.challenge !== proof))
          return json(res, 400, { error: "bad_verification_code" });
        const token = `gho_${randomBytes(16).toString("hex")}`;
        tokens.set(token, grant.login);
        return json(res, 200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
      }
      const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
      const person = people.get(tokens.get(bearer) ?? "");
      if (url.pathname.startsWith("/api/v3/") && !person) return json(res, 401, { message: "Bad credentials" });
      if (url.pathname === "/api/v3/user" && person)
        return json(res, 200, {
          id: person.id,
          login: person.login,
          name: person.name,
          email: person.publicEmail,
          avatar_url: `https://avatars.example.test/${person.id}`,
        });
      if (url.pathname === "/api/v3/user/emails" && person)
        return json(
          res,
          200,
          person.emails.map((e) => ({ ...e, visibility: e.primary ? "public" : null })),
        );
      json(res, 404, { message: "Not Found" });
    })().catch((error: unknown) => json(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    addPerson: (person: GitHubPerson) => void people.set(person.login, person),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
