import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import { parseMarkdown, plainText, renderMarkdown, safeHref } from "./markdown";

/**
 * The message markdown subset: what it renders, and that whatever it is given, the HTML it
 * emits holds only its own fixed tags, escaped text and vetted http(s)/mailto links.
 */
const TAG = /<(\/?)([a-z]+)([^>]*)>/g;
const ALLOWED = new Set(["p", "br", "strong", "em", "code", "pre", "ul", "ol", "li", "blockquote", "a"]);

/** Every tag is one of ours; only `a` has attributes, exactly an escaped safe href and the rel. */
function assertSafe(html: string): void {
  const stripped = html.replace(TAG, (_all, close: string, name: string, attrs: string) => {
    assert.ok(ALLOWED.has(name), `tag ${name} in ${html}`);
    if (name === "a" && !close) {
      const m = /^ href="([^"<>]*)" rel="noopener noreferrer nofollow"$/.exec(attrs);
      assert.ok(m, `anchor attributes ${attrs}`);
      const href = (m[1] as string).replace(/&amp;/g, "&").replace(/&#39;/g, "'");
      assert.match(href, /^(https?:|mailto:)/);
    } else assert.equal(attrs, "", `attributes on ${name}: ${attrs}`);
    return "";
  });
  // What is left is text: no markup can start in it.
  assert.ok(!/[<>"]/.test(stripped), `raw markup left in ${html}`);
}

describe("rendering", () => {
  it("renders the subset", () => {
    assert.equal(renderMarkdown("**Alerta** *roja* `P-12`"), "<p><strong>Alerta</strong> <em>roja</em> <code>P-12</code></p>");
    assert.equal(renderMarkdown("línea 1\nlínea 2"), "<p>línea 1<br>línea 2</p>");
    assert.equal(
      renderMarkdown("- uno\n- dos\n\n1. tres\n2. cuatro"),
      "<ul><li>uno</li><li>dos</li></ul><ol><li>tres</li><li>cuatro</li></ol>",
    );
    assert.equal(renderMarkdown("> citado\n> **dos**"), "<blockquote><p>citado<br><strong>dos</strong></p></blockquote>");
    assert.equal(renderMarkdown("```\n<b>x</b>\n```"), "<pre><code>&lt;b&gt;x&lt;/b&gt;</code></pre>");
    assert.equal(
      renderMarkdown("ver [el informe](https://enlace.co.example/r?a=1&b=2)"),
      '<p>ver <a href="https://enlace.co.example/r?a=1&amp;b=2" rel="noopener noreferrer nofollow">el informe</a></p>',
    );
    assert.equal(renderMarkdown("snake_case_name y _énfasis_"), "<p>snake_case_name y <em>énfasis</em></p>");
    assert.equal(renderMarkdown("\\*literal\\*"), "<p>*literal*</p>");
  });

  it("gives a tree the console may render itself", () => {
    assert.deepEqual(parseMarkdown("**a** [b](mailto:x@y.example)"), [
      {
        type: "paragraph",
        children: [
          { type: "strong", children: [{ type: "text", value: "a" }] },
          { type: "text", value: " " },
          { type: "link", href: "mailto:x@y.example", children: [{ type: "text", value: "b" }] },
        ],
      },
    ]);
    assert.equal(plainText("**Río** _Arauca_\n- `km 12`"), "Río Arauca\nkm 12");
  });
});

describe("hostile input", () => {
  const cases = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x]( javascript:alert(1))",
    "[x](java\tscript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD4=)",
    "[x](vbscript:msgbox)",
    "[x](//evil.example/path)",
    '[x](https://a.example/" onmouseover="alert(1))',
    "[x](https://a.example/'onmouseover='alert(1))",
    "[<b>x</b>](https://a.example)",
    "[x](https://a.example/<script>)",
    "![img](https://a.example/i.png)",
    "&lt;script&gt; &#x3C;script&#x3E; &amp;",
    "`<code>` **<em>**",
    "> <iframe src=https://evil.example>",
    "```\n</code></pre><script>x</script>\n```",
    "**[a](https://a.example)** [**b**](https://b.example) [[c](https://c.example)](https://d.example)",
    "\"quoted\" 'single'",
  ];
  for (const input of cases) {
    it(`escapes ${JSON.stringify(input).slice(0, 60)}`, () => {
      const html = renderMarkdown(input);
      assertSafe(html);
      assert.ok(!/href="(?!https?:|mailto:)/.test(html), html);
    });
  }

  it("only absolute http, https and mailto addresses are links", () => {
    assert.equal(safeHref("https://a.example/x"), "https://a.example/x");
    assert.equal(safeHref("mailto:cmdt@ve.example"), "mailto:cmdt@ve.example");
    for (const bad of ["javascript:alert(1)", "/relative", "//host/x", "file:///etc/passwd", 'https://a.example/"x', "ftp://a.example"]) {
      assert.equal(safeHref(bad), undefined, bad);
    }
  });

  it("is safe for any text (property)", () => {
    const pieces = fc.constantFrom(
      "*",
      "**",
      "_",
      "`",
      "```",
      "[",
      "]",
      "(",
      ")",
      "](",
      "<",
      ">",
      '"',
      "'",
      "&",
      "\\",
      "\n",
      "> ",
      "- ",
      "1. ",
      "javascript:",
      "https://a.example",
      "x",
      " ",
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 60 }), (parts) => assertSafe(renderMarkdown(parts.join("")))),
      { numRuns: 2000 },
    );
  });

  it("renders long hostile bodies whole (linear parsing: no quadratic rescans)", () => {
    const n = 20_000;
    for (const body of [
      "[".repeat(n - 4) + "](x)",
      "*a".repeat(n / 2),
      "**".repeat(n / 2),
      "`".repeat(n),
      "> ".repeat(n / 2),
      "_a ".repeat(n / 3),
    ]) {
      assertSafe(renderMarkdown(body));
    }
  });
});
