import type { App } from "./types";

/**
 * The security headers every answer carries, computed once per server rather than per request:
 * a content security policy for the console (own scripts only; inline styles, which the
 * component library sets; map and chart images from data and blob URLs), no framing by other
 * sites, no MIME sniffing, no referrer, and isolation from other origins. Set on the raw
 * response, so streamed (hijacked) answers carry them too.
 */
export function securityHeaders(options: { https: boolean }): Readonly<Record<string, string>> {
  const policy = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    "form-action 'self'",
    "frame-ancestors 'self'",
    "img-src 'self' data: blob:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    // Over plain HTTP (a unit's LAN, the demo) upgrading would break the console's own scripts.
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return {
    "content-security-policy": policy.join(";"),
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "origin-agent-cluster": "?1",
    "referrer-policy": "no-referrer",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
    "x-content-type-options": "nosniff",
    "x-dns-prefetch-control": "off",
    "x-download-options": "noopen",
    "x-frame-options": "SAMEORIGIN",
    "x-permitted-cross-domain-policies": "none",
    "x-xss-protection": "0",
  };
}

export function addSecurityHeaders(app: App, options: { https: boolean }): void {
  const headers = Object.entries(securityHeaders(options));
  app.addHook("onRequest", (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
}
