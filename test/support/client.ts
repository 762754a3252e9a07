import type { FastifyInstance } from "fastify";
import type { UploadFile } from "./fill.js";

export type { UploadFile } from "./fill.js";

/**
 * A browser-like client over `app.inject`: keeps cookies, reads the
 * anti-forgery token from the last page, posts forms as a browser does.
 */
export class Client {
  cookies = new Map<string, string>();
  csrf = "";
  lastBody = "";

  /** Each client comes from its own address, as separate people do (rate limits count per address). */
  readonly remoteAddress =
    `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

  constructor(
    private readonly app: FastifyInstance,
    /** Headers sent with every request (the Host of an absolute-address test). */
    private readonly defaults: Record<string, string> = {},
  ) {}

  private authority(): { authority?: string } {
    return this.defaults.host ? { authority: this.defaults.host } : {};
  }

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  private keep(res: { headers: Record<string, unknown>; body: string }) {
    const set = res.headers["set-cookie"];
    for (const c of Array.isArray(set) ? set : set ? [set as string] : []) {
      const [pair, ...attrs] = String(c).split(";");
      const [name, ...rest] = (pair ?? "").split("=");
      const value = rest.join("=");
      const expired = attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a) || /max-age=0/i.test(a.trim()));
      if (!name) continue;
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    this.lastBody = res.body;
  }

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({
      method: "GET",
      url,
      remoteAddress: this.remoteAddress,
      ...this.authority(),
      headers: { ...this.defaults, cookie: this.cookieHeader, ...headers },
    });
    this.keep(res);
    return res;
  }

  /** Posts a form with the current anti-forgery token (unless `_csrf` is given). */
  async post(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const params = new URLSearchParams();
    if (!("_csrf" in fields)) params.append("_csrf", this.csrf);
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
    const res = await this.app.inject({
      method: "POST",
      url,
      remoteAddress: this.remoteAddress,
      ...this.authority(),
      headers: { ...this.defaults, "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader, ...headers },
      payload: params.toString(),
    });
    this.keep(res);
    return res;
  }

  /** Posts a form with files (multipart/form-data), as a browser does for forms with file inputs. */
  async postMultipart(
    url: string,
    fields: Record<string, string | string[]>,
    files: UploadFile[] = [],
    headers: Record<string, string> = {},
  ) {
    const boundary = `----hukoomi${Math.random().toString(16).slice(2)}`;
    const parts: Buffer[] = [];
    const all: [string, string][] = [];
    if (!("_csrf" in fields)) all.push(["_csrf", this.csrf]);
    for (const [k, v] of Object.entries(fields)) for (const item of Array.isArray(v) ? v : [v]) all.push([k, item]);
    for (const [name, value] of all) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    }
    for (const f of files) {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.filename}"\r\nContent-Type: ${f.type}\r\n\r\n`,
        ),
        f.data,
        Buffer.from("\r\n"),
      );
    }
    parts.push(Buffer.from(`--${boundary}--\r\n`));
    const res = await this.app.inject({
      method: "POST",
      url,
      remoteAddress: this.remoteAddress,
      ...this.authority(),
      headers: {
        ...this.defaults,
        "content-type": `multipart/form-data; boundary=${boundary}`,
        cookie: this.cookieHeader,
        ...headers,
      },
      payload: Buffer.concat(parts),
    });
    this.keep(res);
    return res;
  }

  /** Follows one redirect. */
  async follow(res: { statusCode: number; headers: Record<string, unknown> }) {
    if (res.statusCode < 300 || res.statusCode >= 400) throw new Error(`not a redirect: ${res.statusCode}`);
    return this.get(String(res.headers.location));
  }
}

/**
 * Follows redirects inside the portal (addresses under `origin`, or paths)
 * until one leaves it; returns that address, or the last page's address,
 * status and body. For journeys through the identity provider.
 */
export async function browseWithin(
  client: Client,
  origin: string,
  url: string,
): Promise<{ url: string; status: number; body: string }> {
  let current = url;
  for (let i = 0; i < 12; i++) {
    const path = current.startsWith(origin) ? current.slice(origin.length) : current;
    if (!path.startsWith("/")) return { url: current, status: 0, body: "" };
    const res = await client.get(path);
    if (res.statusCode < 300 || res.statusCode >= 400) return { url: path, status: res.statusCode, body: res.body };
    current = String(res.headers.location);
  }
  throw new Error("too many redirects");
}
