// The production server (`next start` on the build in .next) as a child process, for the tests in tests/server.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";

const nextBin = path.resolve("node_modules/next/dist/bin/next");

export type Server = {
  url: string;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
};

/** The environment every test server starts with: a throwaway secret, quiet logs, the dev mailbox readable. */
export function baseEnv(port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    AUTH_SECRET: randomBytes(32).toString("hex"),
    APP_URL: `http://127.0.0.1:${port}`,
    DEV_MAILBOX: "on",
    LOG_LEVEL: "warn",
  };
}

export function startServer(port: number, env: Record<string, string>): Server {
  // Its own process group, so a kill reaches whatever it started too.
  const child = spawn(process.execPath, [nextBin, "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: env as NodeJS.ProcessEnv,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout?.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr?.on("data", (c: Buffer) => (out += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    output: () => out,
    exited,
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, signal);
      } catch {
        child.kill(signal);
      }
      await exited;
    },
  };
}

/** Polls `url` until `accept(response)` (bounded; no fixed sleep decides the outcome). */
export async function waitFor(
  url: string,
  accept: (res: Response, body: string) => boolean,
  { timeoutMs = 120_000, intervalMs = 250, init }: { timeoutMs?: number; intervalMs?: number; init?: RequestInit } = {},
): Promise<{ res: Response; body: string }> {
  const until = Date.now() + timeoutMs;
  let last = "no answer yet";
  while (Date.now() < until) {
    try {
      const res = await fetch(url, { ...init, signal: AbortSignal.timeout(10_000) });
      const body = await res.text();
      if (accept(res, body)) return { res, body };
      last = `${res.status} ${body.slice(0, 300)}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`${url} did not answer as expected within ${timeoutMs / 1000} s; last: ${last}`);
}
