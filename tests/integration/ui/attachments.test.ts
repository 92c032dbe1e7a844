// How the thread shows a file in each state: pending (spinner, and the page keeps re-checking), ready (thumbnail over
// its blur placeholder, opening the full image; a PDF as a download), rejected (with the reason, and no link at all).
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";

const refreshers = vi.hoisted(() => ({ count: 0 }));
vi.mock("next/navigation", () => ({
  useRouter: () => {
    refreshers.count++;
    return { refresh: () => undefined };
  },
}));

import { Attachments } from "@/app/_components/attachments";
import type { AttachmentView } from "@/lib/domain/files/upload";

const base: AttachmentView = {
  id: "att1",
  name: "lake.png",
  size: 14_000,
  type: "image/png",
  status: "READY",
  rejectReason: null,
  width: 1200,
  height: 800,
  blurDataUrl: "data:image/webp;base64,AAAA",
  postId: "p1",
  commentId: null,
  createdAt: new Date(),
};
const render = (files: AttachmentView[]) => {
  refreshers.count = 0;
  return renderToStaticMarkup(createElement(Attachments, { files }));
};

describe("attachments in the thread", () => {
  it("a ready image: its thumbnail over the blur placeholder, linking to the full image", () => {
    const html = render([base]);
    expect(html).toContain('src="/api/files/att1?variant=thumb"');
    expect(html).toContain('alt="lake.png"');
    expect(html).toContain("background-image:url(data:image/webp;base64,AAAA)");
    expect(html).toContain('href="/api/files/att1"');
    expect(html).toContain('aria-label="Open image lake.png (1200×800)"');
    expect(refreshers.count).toBe(0); // nothing pending: no polling
  });

  it("a ready PDF: a download with an icon", () => {
    const html = render([{ ...base, id: "att2", name: "agenda.pdf", type: "application/pdf", width: null }]);
    expect(html).toContain('href="/api/files/att2?download=1"');
    expect(html).toContain(">PDF</text>");
    expect(html).not.toContain("<img");
  });

  it("pending: a spinner and a status, no link, and the page keeps re-checking", () => {
    const html = render([{ ...base, status: "PENDING", width: null, height: null, blurDataUrl: null }]);
    expect(html).toContain('data-file-state="pending"');
    expect(html).toContain('role="status"');
    expect(html).toContain("Processing…");
    expect(html).not.toContain("/api/files/");
    expect(refreshers.count).toBe(1);
  });

  it("rejected: the reason, and no link", () => {
    const html = render([
      { ...base, status: "REJECTED", rejectReason: "HEIC images cannot be processed here; export as JPEG" },
    ]);
    expect(html).toContain("Refused: HEIC images cannot be processed here; export as JPEG");
    expect(html).not.toContain("/api/files/");
    expect(refreshers.count).toBe(0);
  });
});
