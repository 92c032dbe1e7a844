// A local stand-in for Resend's POST /emails, so the real `resend` SDK is exercised. It honours Idempotency-Key
// like Resend does (same key + same body → the first answer again; same key + other body → 409), and can be told
// to fail (HTTP status) or to answer too late (the client times out, but the message WAS accepted).
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";

export type FakeEmail = {
  id: string;
  key: string | null;
  body: { from: string; to: string | string[]; subject: string; html?: string; text?: string };
};

export type ResendFake = {
  url: string;
  /** Every POST /emails that reached the fake, including failed ones (status 0: not answered). */
  requests: { key: string | null; status: number }[];
  /** Messages accepted (what the recipients would get). */
  delivered: FakeEmail[];
  failNext(count: number, status?: number): void;
  /** Accept the next `count` messages, but answer only after `ms` (longer than the client's timeout). */
  answerLate(count: number, ms: number): void;
  /** Forget the failures still queued (the service is back). */
  recover(): void;
  close(): Promise<void>;
};

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve, reject) => {
    let data = "";
    req.on("data", (c: Buffer) => (data += c.toString()));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });

export async function startResendFake(apiKey = "re_test_key"): Promise<ResendFake> {
  const requests: ResendFake["requests"] = [];
  const delivered: FakeEmail[] = [];
  const byKey = new Map<string, { raw: string; id: string }>();
  let failures: number[] = [];
  let late: number[] = [];

  const server: Server = createServer((req, res) => {
    void (async () => {
      const raw = await readBody(req);
      const key = (req.headers["idempotency-key"] as string | undefined) ?? null;
      const entry = { key, status: 0 }; // 0 until answered (or when the client gave up first)
      requests.push(entry);
      const send = (status: number, json: unknown) => {
        entry.status = status;
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      };
      if (req.method !== "POST" || req.url !== "/emails")
        return send(404, { name: "not_found", message: "Not found", statusCode: 404 });
      if (req.headers.authorization !== `Bearer ${apiKey}`)
        return send(401, { name: "invalid_api_key", message: "API key is invalid", statusCode: 401 });
      const failure = failures.shift();
      if (failure)
        return send(failure, { name: "internal_server_error", message: "Something broke", statusCode: failure });
      if (key) {
        const seen = byKey.get(key);
        if (seen && seen.raw !== raw)
          return send(409, { name: "invalid_idempotent_request", message: "Same key, other payload", statusCode: 409 });
        if (seen) return send(200, { id: seen.id });
      }
      const id = randomUUID();
      delivered.push({ id, key, body: JSON.parse(raw) as FakeEmail["body"] });
      if (key) byKey.set(key, { raw, id });
      const delay = late.shift();
      if (delay) await new Promise((r) => setTimeout(r, delay));
      if (!res.destroyed) send(200, { id });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    delivered,
    failNext: (count, status = 500) => void (failures = [...failures, ...Array<number>(count).fill(status)]),
    answerLate: (count, ms) => void (late = [...late, ...Array<number>(count).fill(ms)]),
    recover: () => void ((failures = []), (late = [])),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
