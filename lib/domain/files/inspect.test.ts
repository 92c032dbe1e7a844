import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { inspectContent, safeFileName } from "./inspect";

const png = () =>
  sharp({ create: { width: 4, height: 4, channels: 3, background: "#f00" } })
    .png()
    .toBuffer();

describe("inspectContent", () => {
  it("finds the type from the bytes, whatever the name", async () => {
    expect(await inspectContent(await png(), "image/png")).toEqual({ ok: true, type: "image/png" });
    expect(await inspectContent(Buffer.from("%PDF-1.7\n%%EOF\n"), "application/pdf")).toEqual({
      ok: true,
      type: "application/pdf",
    });
    expect(await inspectContent(Buffer.from("just some notes\n"), "text/markdown")).toEqual({
      ok: true,
      type: "text/plain",
    });
    expect(await inspectContent(await png(), "application/octet-stream")).toEqual({ ok: true, type: "image/png" });
  });

  it("refuses a renamed executable", async () => {
    const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(64)]);
    expect(await inspectContent(elf, "image/png")).toEqual({
      ok: false,
      reason: "This file type is not accepted (application/x-elf, .elf)",
    });
    const exe = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);
    expect(await inspectContent(exe, null)).toMatchObject({ ok: false, reason: /not accepted/ });
  });

  it("refuses a wrong declared type", async () => {
    expect(await inspectContent(await png(), "image/jpeg")).toEqual({
      ok: false,
      reason: "The file was declared as image/jpeg but its content is image/png",
    });
  });

  it("refuses SVG and HTML, with or without a script", async () => {
    for (const markup of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '\uFEFF  <?xml version="1.0"?><svg/>',
      "<!DOCTYPE html><p>hi",
    ]) {
      expect(await inspectContent(Buffer.from(markup), "text/plain")).toEqual({
        ok: false,
        reason: "SVG, HTML and XML files are not accepted",
      });
    }
  });

  it("refuses empty files and binary junk", async () => {
    expect(await inspectContent(Buffer.alloc(0))).toEqual({ ok: false, reason: "The file is empty" });
    expect(await inspectContent(Buffer.from([0, 1, 2, 3, 0xff]))).toMatchObject({ ok: false });
  });
});

describe("safeFileName", () => {
  it("keeps the name and drops paths, quotes and controls", () => {
    expect(safeFileName("report Q3.pdf")).toBe("report Q3.pdf");
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName('a"b\r\nc;.txt')).toBe("a_b__c_.txt");
    expect(safeFileName("...")).toBe("file");
  });
});
