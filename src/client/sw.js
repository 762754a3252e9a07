/**
 * The portal's service worker, served at /sw.js (scope: the whole site).
 *
 * - Keeps, at installation, the offline page in both languages and what
 *   every page loads (the list comes from the server: self.hukoomiPrecache).
 * - Pages: network first. A public page that may be read offline (the home
 *   page, service, agency and topic pages) is kept on the way through, the
 *   30 most recent only. Without a connection: the kept copy of that page,
 *   else the offline page in the page's language.
 * - Assets (/assets/, fingerprinted or fixed): from the cache, else the
 *   network, and kept.
 *
 * Never kept: anything but GET, any address with a query (it may carry a
 * token, a code or a person's search), any private area (/my, /workspace,
 * /eservices, /payments, sign-in and registration, the identity provider,
 * /verify, /files, /api, the sandboxes), and any response that says
 * Cache-Control no-store, or varies by cookie. (Public pages are sent
 * "public", the same bytes for every anonymous visitor; "private" alone would
 * be kept too, as this cache is the person's own.)
 *
 * Signed-in pages: the session cookie is HttpOnly and a worker cannot see
 * the cookies a request carries, so it cannot tell a signed-in visit by
 * itself. The server tells it instead: every page rendered for a signed-in
 * person (whose header shows their name) is sent with
 * "Cache-Control: private, no-store" (src/platform/http/render.tsx), and
 * such responses are never kept here. The offline page is fetched without
 * cookies, so it never shows anyone's name.
 */

/** @type {ServiceWorkerGlobalScope} */
const worker = /** @type {any} */ (self);

/** @type {string[]} */
const precache = worker.hukoomiPrecache ?? [];
const STATIC_CACHE = `hukoomi-static-${versionOf(precache.join("\n"))}`;
const PAGES_CACHE = "hukoomi-pages-v1";
const MAX_PAGES = 30;

const privatePrefixes = [
  "/my",
  "/workspace",
  "/eservices",
  "/payments",
  "/sign-in",
  "/sign-out",
  "/register",
  "/reset",
  "/idp",
  "/verify",
  "/files",
  "/api",
  "/dev",
];
const keptPages = [/^\/$/, /^\/services(\/[^/]+)?$/, /^\/agencies(\/[^/]+)?$/, /^\/topics(\/[^/]+)?$/];

/** A short hash, so a new list of files makes a new static cache. */
function versionOf(text) {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

/** The path without the /en prefix. */
function neutralPath(pathname) {
  if (pathname === "/en") return "/";
  return pathname.startsWith("/en/") ? pathname.slice(3) : pathname;
}

function isPrivatePath(path) {
  if (path.startsWith("/sandbox-")) return true;
  return privatePrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

/** May a copy of this address be kept, whatever the response? */
function mayKeepAddress(url) {
  if (url.origin !== worker.location.origin || url.search) return false;
  const path = neutralPath(url.pathname);
  return !isPrivatePath(path) && keptPages.some((pattern) => pattern.test(path));
}

/** May this response be kept: a full public HTML page the server did not forbid storing? */
function mayKeepResponse(response) {
  if (response.status !== 200 || response.type !== "basic" || response.redirected) return false;
  const cacheControl = (response.headers.get("cache-control") ?? "").toLowerCase();
  if (/\bno-store\b/.test(cacheControl)) return false;
  const vary = (response.headers.get("vary") ?? "").toLowerCase();
  if (/(^|,)\s*(cookie|\*)\s*(,|$)/.test(vary)) return false;
  return (response.headers.get("content-type") ?? "").startsWith("text/html");
}

/** Keeps the page as the most recent, and lets the oldest go beyond MAX_PAGES. */
async function keepPage(key, response) {
  const cache = await caches.open(PAGES_CACHE);
  await cache.delete(key);
  await cache.put(key, response);
  const keys = await cache.keys();
  for (const old of keys.slice(0, Math.max(0, keys.length - MAX_PAGES))) await cache.delete(old);
}

async function offlinePage(url) {
  const path = url.pathname === "/en" || url.pathname.startsWith("/en/") ? "/en/offline" : "/offline";
  const cached = await caches.match(path, { cacheName: STATIC_CACHE });
  return cached ?? new Response("Offline", { status: 503, headers: { "content-type": "text/plain; charset=utf-8" } });
}

async function navigate(event, url) {
  const keepable = mayKeepAddress(url);
  try {
    const response = await fetch(event.request);
    if (keepable && mayKeepResponse(response)) event.waitUntil(keepPage(url.href, response.clone()));
    return response;
  } catch {
    const kept = keepable ? await caches.match(url.href, { cacheName: PAGES_CACHE }) : undefined;
    return kept ?? offlinePage(url);
  }
}

async function asset(request) {
  const cached = await caches.match(request, { cacheName: STATIC_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.status === 200 && response.type === "basic") {
    const cache = await caches.open(STATIC_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

worker.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(STATIC_CACHE);
      // Without cookies: the offline page must not show a signed-in person's name.
      await cache.addAll(precache.map((address) => new Request(address, { credentials: "omit" })));
      await worker.skipWaiting();
    })(),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith("hukoomi-") && name !== STATIC_CACHE && name !== PAGES_CACHE) await caches.delete(name);
      }
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== worker.location.origin) return;
  if (request.mode === "navigate") event.respondWith(navigate(event, url));
  else if (url.pathname.startsWith("/assets/")) event.respondWith(asset(request));
});
