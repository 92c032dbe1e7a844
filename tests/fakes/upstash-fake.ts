// A local stand-in for Upstash Redis's REST API over the real Redis at 127.0.0.1:6379, so the managed rate-limit
// adapter is exercised through the real @upstash/redis and @upstash/ratelimit. The protocol: POST a command array
// to `/`, or arrays of them to `/pipeline` and `/multi-exec`; `{ result }` or `{ error }` (HTTP 400); with
// `Upstash-Encoding: base64` every string result except "OK" is base64. Upstash's Lua flag `allow-key-locking`
// is unknown to Redis: stripped here, with the scripts' SHA1s mapped for EVALSHA.
import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import Redis from "ioredis";

type Command = (string | number)[];
const sha1 = (text: string) => createHash("sha1").update(text).digest("hex");

export async function startUpstashFake(options: { token: string; redisUrl?: string }) {
  const redis = new Redis(options.redisUrl ?? "redis://127.0.0.1:6379", { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  const shaMap = new Map<string, string>();
  let mode: "up" | "down" | "slow" = "up";

  const rewrite = (command: Command): Command => {
    const [name = "", ...args] = command.map(String);
    const upper = name.toUpperCase();
    const scriptAt =
      upper === "EVAL" || upper === "EVAL_RO" ? 0 : upper === "SCRIPT" && args[0]?.toUpperCase() === "LOAD" ? 1 : -1;
    if (scriptAt >= 0) {
      const script = args[scriptAt] ?? "";
      const fixed = script.replace(/^#!lua flags=([^\n]*)/, (_m, flags: string) => {
        const kept = flags
          .split(",")
          .map((f) => f.trim())
          .filter((f) => f && f !== "allow-key-locking");
        return kept.length ? `#!lua flags=${kept.join(",")}` : "#!lua";
      });
      if (fixed !== script) shaMap.set(sha1(script), sha1(fixed));
      args[scriptAt] = fixed;
    }
    if ((upper === "EVALSHA" || upper === "EVALSHA_RO") && args[0])
      args[0] = shaMap.get(args[0].toLowerCase()) ?? args[0];
    return [upper, ...args];
  };

  const encode = (value: unknown, base64: boolean): unknown => {
    if (typeof value === "string") return base64 && value !== "OK" ? Buffer.from(value).toString("base64") : value;
    if (Array.isArray(value)) return value.map((v) => encode(v, base64));
    return value;
  };
  const run = async (command: Command, base64: boolean) => {
    const [name, ...args] = rewrite(command);
    try {
      return { result: encode(await redis.call(String(name), ...args), base64) };
    } catch (error) {
      return { error: (error as Error).message };
    }
  };

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString()));
    req.on("end", () => {
      const reply = (status: number, json: unknown) =>
        res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(json));
      void (async () => {
        if (mode === "down") return reply(500, { error: "service unavailable" });
        if (mode === "slow") await new Promise((r) => setTimeout(r, 3000));
        if (req.headers.authorization !== `Bearer ${options.token}`) return reply(401, { error: "Unauthorized" });
        const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
        const body = JSON.parse(raw || "null") as unknown;
        const path = (req.url ?? "/").split("?")[0]?.replace(/\/+$/, "") ?? "";
        if (path === "/pipeline" || path === "/multi-exec") {
          if (!Array.isArray(body) || !body.every(Array.isArray))
            return reply(400, { error: "ERR expected an array of commands" });
          const commands = body as Command[];
          if (path === "/pipeline") {
            const results = [];
            for (const c of commands) results.push(await run(c, base64));
            return reply(200, results);
          }
          const multi = redis.multi();
          for (const c of commands) {
            const [name, ...args] = rewrite(c);
            multi.call(String(name), ...args);
          }
          const out = (await multi.exec()) ?? [];
          return reply(
            200,
            out.map(([error, value]) => (error ? { error: error.message } : { result: encode(value, base64) })),
          );
        }
        if (!Array.isArray(body)) return reply(400, { error: "ERR expected a command array" });
        const one = await run(body as Command, base64);
        return reply("error" in one ? 400 : 200, one);
      })().catch((error: unknown) => reply(500, { error: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    redis,
    /** "down": every call answers 500; "slow": answers after 3 s. */
    setMode: (value: "up" | "down" | "slow") => void (mode = value),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      redis.disconnect();
    },
  };
}
