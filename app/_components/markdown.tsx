// Post and comment bodies: Markdown (with GFM tables, task lists, strikethrough), rendered safely. No
// rehype-raw, so HTML in the source is dropped rather than rendered; react-markdown's default URL transform
// removes javascript:, vbscript: and data: links. Links open in a new tab without access to this one; images become
// links.
import ReactMarkdown, { type Components } from "react-markdown";
import remarkGfm from "remark-gfm";

const components: Components = {
  a: ({ node: _node, href, children, ...rest }) => (
    <a {...rest} href={href} target="_blank" rel="noopener noreferrer nofollow">
      {children}
    </a>
  ),
  // Images are shown as links: they come from any host, which would learn who reads the post and when, and the
  // Content-Security-Policy loads images from this app only. A stripped (unsafe) source leaves only the alt text.
  img: ({ node: _node, src, alt }) =>
    typeof src === "string" && src ? (
      <a href={src} target="_blank" rel="noopener noreferrer nofollow">
        [image: {alt || src}]
      </a>
    ) : (
      <span className="text-stone-600">[{alt || "image"}]</span>
    ),
  // Wide code and tables scroll sideways; keyboard users need to be able to focus them to scroll.
  pre: ({ node: _node, ...rest }) => <pre {...rest} tabIndex={0} />,
  table: ({ node: _node, ...rest }) => (
    <div className="table-scroll" role="region" aria-label="Table" tabIndex={0}>
      <table {...rest} />
    </div>
  ),
};

export function Markdown({ source, className = "" }: { source: string; className?: string }) {
  return (
    <div className={`prose-tidings ${className}`}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} skipHtml components={components}>
        {source}
      </ReactMarkdown>
    </div>
  );
}
