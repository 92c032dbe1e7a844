// Post bodies are user input rendered into everyone's page: prove the dangerous parts do not survive.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "@/app/_components/markdown";

const render = (source: string) => renderToStaticMarkup(createElement(Markdown, { source }));

describe("Markdown rendering", () => {
  it("renders Markdown and GFM", () => {
    const html = render(
      "# Title\n\n**bold** and ~~gone~~\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n[site](https://example.com)",
    );
    expect(html).toContain("<h1>Title</h1>");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<table>");
    expect(html).toContain('href="https://example.com"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
  });

  it("lets keyboard users scroll wide code blocks and tables (focusable, as axe's scrollable-region rule asks)", () => {
    const html = render("```\n" + "x".repeat(300) + "\n```\n\n| a | b |\n| - | - |\n| 1 | 2 |");
    expect(html).toMatch(/<pre tabindex="0">/);
    expect(html).toMatch(/<div class="table-scroll" role="region" aria-label="Table" tabindex="0"><table>/);
  });

  it("drops raw HTML: no <script>, no event handlers", () => {
    const html = render(
      'Hello <script>alert("x")</script>\n\n<img src=x onerror="alert(1)">\n\n<div onclick="alert(2)">click</div>\n\n<iframe src="https://evil.test"></iframe>',
    );
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/onerror/i);
    expect(html).not.toMatch(/onclick/i);
    expect(html).not.toMatch(/<iframe/i);
    expect(html).toContain("Hello");
  });

  it("strips javascript: and data: URLs from links and images", () => {
    const html = render(
      "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(2)) [z](data:text/html;base64,PHNjcmlwdD4=) ![i](javascript:alert(3))",
    );
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/data:text/i);
    expect(html).toContain(">x</a>");
  });

  it("shows images as links, so no other host's image loads (the CSP allows this app's images only)", () => {
    const html = render("![a diagram](https://images.example.com/d.png) and ![](http://x.example/p.gif)");
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain(
      '<a href="https://images.example.com/d.png" target="_blank" rel="noopener noreferrer nofollow">[image: a diagram]</a>',
    );
    expect(html).toContain('href="http://x.example/p.gif"');
    expect(html).toContain("[image: http://x.example/p.gif]");
  });

  it("escapes text that looks like HTML in code", () => {
    const html = render("`<script>alert(1)</script>`");
    expect(html).toContain("&lt;script&gt;");
    expect(html).not.toContain("<script>");
  });
});
