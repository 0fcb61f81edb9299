import { createElement, type ReactNode, useMemo } from "react";
import { safeHref } from "../../core/channel/markdown";

/**
 * Shows a message body the server rendered from its safe markdown subset. The HTML is
 * sanitised there already; here it is parsed as an inert document and rebuilt as React
 * elements from the same short list of tags, so nothing the list does not name (scripts,
 * attributes, styles, event handlers) could reach the page even if the server got it wrong.
 */
const TAGS = new Set(["p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a"]);

function rebuild(node: Node, key: string): ReactNode {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent;
  if (node.nodeType !== Node.ELEMENT_NODE) return null;
  const el = node as Element;
  const tag = el.tagName.toLowerCase();
  const children = Array.from(el.childNodes, (c, i) => rebuild(c, `${key}.${i}`));
  if (!TAGS.has(tag)) return children;
  if (tag === "br") return createElement("br", { key });
  if (tag === "a") {
    const href = safeHref(el.getAttribute("href") ?? "");
    if (!href) return children;
    return createElement("a", { key, href, target: "_blank", rel: "noopener noreferrer nofollow" }, ...children);
  }
  return createElement(tag, { key }, ...children);
}

export function SafeHtml({ html, label }: { html: string; label?: string }) {
  const content = useMemo(() => {
    const doc = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
    return Array.from(doc.body.childNodes, (c, i) => rebuild(c, String(i)));
  }, [html]);
  return (
    <div className="channel-body" {...(label ? { "aria-label": label } : {})}>
      {content}
    </div>
  );
}
