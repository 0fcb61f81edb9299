import { Agent, request } from "node:http";

/** One POST of a JSON body; the status and the response text. */
export type Post = (body: string) => Promise<{ status: number; text: string }>;

/**
 * The two clients the incident bench can drive: Node's fetch (undici, keep-alive by its
 * global dispatcher) as most scripts would, or node:http with a keep-alive agent, which
 * costs the bench process less CPU per request and so leaves more of a shared machine to
 * the server being measured.
 */
export function poster(kind: "fetch" | "http", url: string, token: string, sockets: number): { post: Post; close(): void } {
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
  const target = `${url}/api/v1/incidents`;
  if (kind === "fetch") {
    return {
      post: async (body) => {
        const res = await fetch(target, { method: "POST", headers, body });
        return { status: res.status, text: await res.text() };
      },
      close: () => {},
    };
  }
  const agent = new Agent({ keepAlive: true, maxSockets: sockets });
  const post: Post = (body) =>
    new Promise((resolve, reject) => {
      const req = request(target, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(body);
    });
  return { post, close: () => agent.destroy() };
}
