import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { chooseLogFormat, formatLogLine, type LogEntry } from "./log";

const entry: LogEntry = {
  level: "warn",
  time: "2026-12-01T23:04:05.678Z",
  message: "outbox event not delivered; will retry",
  requestId: "req-1",
  attempts: 3,
  error: new TypeError("fetch failed"),
  note: "two words",
  meta: { a: 1 },
};

describe("log lines", () => {
  it("JSON: one parseable line with every field, errors as name/message/stack", () => {
    const line = formatLogLine(entry, "json");
    expect(line).not.toContain("\n");
    const parsed = JSON.parse(line) as Record<string, unknown>;
    expect(parsed).toMatchObject({
      level: "warn",
      time: entry.time,
      message: entry.message,
      requestId: "req-1",
      attempts: 3,
      note: "two words",
      meta: { a: 1 },
      error: { name: "TypeError", message: "fetch failed" },
    });
    expect((parsed.error as { stack: string }).stack).toContain("TypeError: fetch failed");
  });

  it("pretty: time, level, message, then key=value fields, quoted when needed, on one line", () => {
    const line = formatLogLine(entry, "pretty", false);
    expect(line).toBe(
      '23:04:05.678 WARN  outbox event not delivered; will retry requestId=req-1 attempts=3 error="TypeError: fetch failed" note="two words" meta={"a":1}',
    );
    expect(formatLogLine({ ...entry, message: "two\nlines", requestId: undefined }, "pretty", false)).not.toMatch(
      /\n|requestId/,
    );
  });

  it("pretty: coloured for a terminal, the same text underneath", () => {
    const coloured = formatLogLine(entry, "pretty");
    expect(coloured).toMatch(/\u001b\[\d+m/);
    expect(stripVTControlCharacters(coloured)).toBe(formatLogLine(entry, "pretty", false));
  });

  it("auto is pretty only in development on a terminal; an explicit setting wins", () => {
    expect(chooseLogFormat("auto", "development", true)).toBe("pretty");
    expect(chooseLogFormat("auto", "development", false)).toBe("json");
    expect(chooseLogFormat("auto", "production", true)).toBe("json");
    expect(chooseLogFormat("auto", "test", true)).toBe("json");
    expect(chooseLogFormat("json", "development", true)).toBe("json");
    expect(chooseLogFormat("pretty", "production", false)).toBe("pretty");
  });
});
