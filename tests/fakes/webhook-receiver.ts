// A webhook receiver on 127.0.0.1 that verifies each request with the `standardwebhooks` package, as a consumer
// would. Its answer is switchable: 200, a 500, or no answer at all (to exercise timeouts).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

export type Received = {
  id: string;
  timestamp: string;
  signature: string;
  body: string;
  payload: { type: string; timestamp: string; data: Record<string, unknown> };
  /** Which of the receiver's secrets verified it (index into `secrets`); -1 if none did. */
  verifiedWith: number;
};

export type WebhookReceiver = {
  url: string;
  received: Received[];
  /** Verified deliveries only. */
  verified(): Received[];
  respondWith(mode: "ok" | "fail" | "hang"): void;
  setSecrets(secrets: string[]): void;
  close(): Promise<void>;
};

export async function startWebhookReceiver(options: { port?: number; path?: string } = {}): Promise<WebhookReceiver> {
  let mode: "ok" | "fail" | "hang" = "ok";
  let secrets: string[] = [];
  const received: Received[] = [];
  const hanging = new Set<http.ServerResponse>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const headers = {
        "webhook-id": String(req.headers["webhook-id"] ?? ""),
        "webhook-timestamp": String(req.headers["webhook-timestamp"] ?? ""),
        "webhook-signature": String(req.headers["webhook-signature"] ?? ""),
      };
      const verifiedWith = secrets.findIndex((secret) => {
        try {
          new Webhook(secret).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      let payload: Received["payload"];
      try {
        payload = JSON.parse(body) as Received["payload"];
      } catch {
        payload = { type: "(not json)", timestamp: "", data: {} };
      }
      received.push({
        id: headers["webhook-id"],
        timestamp: headers["webhook-timestamp"],
        signature: headers["webhook-signature"],
        body,
        payload,
        verifiedWith,
      });
      if (mode === "hang") {
        hanging.add(res);
        return;
      }
      if (verifiedWith < 0) {
        res.writeHead(401, { "content-type": "text/plain" }).end("bad signature");
        return;
      }
      if (mode === "fail") res.writeHead(500, { "content-type": "text/plain" }).end("receiver is down");
      else res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${options.path ?? "/hooks"}`,
    received,
    verified: () => received.filter((r) => r.verifiedWith >= 0),
    respondWith: (m) => {
      mode = m;
    },
    setSecrets: (s) => {
      secrets = s;
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
