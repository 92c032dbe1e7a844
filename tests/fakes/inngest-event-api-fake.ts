// A local stand-in for Inngest's event API (POST /e/<event key>), so the managed publisher is exercised through
// the real SDK's `send`. It records what arrived and can be told to fail.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedEvent = { id?: string; name: string; data: unknown };

export async function startInngestEventApiFake(eventKey: string) {
  const received: ReceivedEvent[] = [];
  let down = false;
  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const reply = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      if (req.method !== "POST" || req.url !== `/e/${eventKey}`)
        return reply(401, { error: "Event key not found", status: 401 });
      if (down) return reply(500, { error: "unavailable", status: 500 });
      const events = ([] as ReceivedEvent[]).concat(JSON.parse(raw) as ReceivedEvent | ReceivedEvent[]);
      received.push(...events);
      reply(200, { ids: events.map((e) => e.id ?? "generated"), status: 200 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    setDown: (value: boolean) => void (down = value),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
