/* The site's service worker: pages a reader opened, and lesson kits a teacher saved, stay readable
   offline (docs/performance.md, "Offline"). Served at /sw.js by home/offline.py, which puts
   `CONFIG` ({version, precache, offline}) before this file.

   - HTML: network first; a copy of each page opened is kept (the last MAX_PAGES); offline, the
     kept copy, or the offline page in the language of the address.
   - Static files with hashed names and images: cache first.
   - Never kept: the admin, the view beacon, anything but GET, other sites, responses that are not
     a plain 200, or are private or no-store (the server marks every response setting a cookie
     private), and POSTed forms.
   - A new version (a new deployment) deletes the old version's caches; saved kits stay.
   - Admin screens a feature registered (CONFIG.admin, home/offline.py; the officials' event form and
     attendance report, issue 18), once opened online by a signed-in person: network first, a copy kept
     in that person's own cache (named by the key the page gives, never a name or id), shown offline.
     Another person signing in on the phone, or signing out, drops the kept screens; the submissions
     queued on the phone are the page's (IndexedDB, campaigns/static/js/outreach-offline.js). */
/* global CONFIG */
"use strict";

const PREFIX = "nacd-";
const PAGES = PREFIX + CONFIG.version + "-pages";
const STATIC = PREFIX + CONFIG.version + "-static";
const KITS = PREFIX + "kits-1"; // what teachers chose to keep: not dropped by a new deployment
const MAX_PAGES = 50;
const MAX_STATIC = 200; // the admin's screens need their scripts and styles too
const NEVER = [/^\/admin\//, /^\/beacon\//, /^\/sw\.js$/, /^\/documents\//];
const HASHED = /\.[0-9a-f]{12}\.[a-z0-9]+$/;
const ADMIN_SCREENS = (CONFIG.admin || []).map((pattern) => new RegExp(pattern));
const ADMIN = PREFIX + "admin-"; // + the signed-in person's key: that person's kept screens
const ADMIN_USER = PREFIX + "admin-user"; // who the kept screens are for: one entry
const USER_KEY = /^[0-9a-f]{8,64}$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(STATIC)
      .then((cache) => cache.addAll(CONFIG.precache))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) =>
        Promise.all(
          names
            .filter(
              (name) =>
                name.startsWith(PREFIX) && !name.startsWith(ADMIN) && ![PAGES, STATIC, KITS].includes(name),
            )
            .map((name) => caches.delete(name)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

function keepable(response) {
  if (!response || response.status !== 200 || response.type !== "basic") return false;
  const control = (response.headers.get("Cache-Control") || "").toLowerCase();
  return !/(^|[\s,])(private|no-store)($|[\s,=])/.test(control);
}

async function trim(name, max) {
  const cache = await caches.open(name);
  const keys = await cache.keys();
  for (const request of keys.slice(0, Math.max(0, keys.length - max))) {
    await cache.delete(request);
  }
}

async function keep(name, max, request, response) {
  const cache = await caches.open(name);
  await cache.delete(request); // so that the page opened last is the last to go
  await cache.put(request, response);
  await trim(name, max);
}

function offlinePage(url) {
  const language = url.pathname.split("/")[1];
  return CONFIG.offline[language] || Object.values(CONFIG.offline)[0];
}

async function page(event, url) {
  try {
    const response = await fetch(event.request);
    if (keepable(response)) event.waitUntil(keep(PAGES, MAX_PAGES, url.href, response.clone()));
    return response;
  } catch (error) {
    const kept = (await caches.match(url.href)) || (await caches.match(offlinePage(url)));
    if (kept) return kept;
    throw error;
  }
}

async function file(event, url) {
  const kept = await caches.match(url.href);
  if (kept) return kept;
  const response = await fetch(event.request);
  if (keepable(response)) event.waitUntil(keep(STATIC, MAX_STATIC, url.href, response.clone()));
  return response;
}

async function otherwise(event, url) {
  try {
    return await fetch(event.request);
  } catch (error) {
    const kept = await caches.match(url.href);
    if (kept) return kept;
    throw error;
  }
}

async function adminUser() {
  const kept = await (await caches.open(ADMIN_USER)).match("/admin-user");
  return kept ? kept.text() : "";
}

/* The person whose screens are kept: another person's kept screens go (their queue stays theirs). */
async function setAdminUser(user) {
  if (!USER_KEY.test(user)) return;
  if ((await adminUser()) === user) return;
  for (const name of await caches.keys()) {
    if (name.startsWith(ADMIN) && name !== ADMIN_USER && name !== ADMIN + user) await caches.delete(name);
  }
  await (await caches.open(ADMIN_USER)).put("/admin-user", new Response(user));
}

async function forgetAdminUser(user) {
  await caches.delete(ADMIN + user);
  if ((await adminUser()) === user) await caches.delete(ADMIN_USER);
}

function adminScreen(url) {
  return url.pathname.startsWith("/admin/") && ADMIN_SCREENS.some((pattern) => pattern.test(url.pathname));
}

function keepableScreen(response) {
  return response && response.status === 200 && response.type === "basic" && !response.redirected;
}

async function keepScreen(url, response) {
  const user = await adminUser();
  if (user) await (await caches.open(ADMIN + user)).put(url.href, response);
}

async function admin(event, url) {
  try {
    const response = await fetch(event.request);
    if (keepableScreen(response)) event.waitUntil(keepScreen(url, response.clone()));
    return response;
  } catch (error) {
    const user = await adminUser();
    const kept = user && (await (await caches.open(ADMIN + user)).match(url.href));
    if (kept) return kept;
    const offline = await caches.match(offlinePage(url));
    if (offline) return offline;
    throw error;
  }
}

/* A signed-in page asks to keep screens and what they need: {type: "admin-keep", user, urls}. Admin
   screens go to the person's cache, hashed static files to the static cache; nothing else. */
async function keepForAdmin(user, urls) {
  await setAdminUser(user);
  let kept = 0;
  for (const address of urls) {
    const url = new URL(address, self.location.origin);
    if (url.origin !== self.location.origin) continue;
    const isScreen = adminScreen(url);
    if (!isScreen && !HASHED.test(url.pathname)) continue;
    try {
      // A redirect (signed out meanwhile) is not followed: fetching the sign-in page would give the browser
      // a new CSRF cookie while the person is typing into the sign-in form they have, and refuse it.
      // X-Offline-Keep: the answer sets no CSRF cookie (home/offline.py PrivateWhenSettingCookies).
      const response = await fetch(url.href, {
        credentials: "same-origin",
        redirect: "manual",
        headers: isScreen ? { "X-Offline-Keep": "1" } : {},
      });
      if (isScreen && keepableScreen(response)) await keepScreen(url, response);
      else if (!isScreen && keepable(response)) await keep(STATIC, MAX_STATIC, url.href, response);
      else continue;
      kept += 1;
    } catch (error) {
      // offline now: what is not kept yet is kept the next time the screen is opened online
    }
  }
  return kept;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== self.location.origin) return;
  if (adminScreen(url)) {
    event.respondWith(admin(event, url));
    return;
  }
  if (NEVER.some((pattern) => pattern.test(url.pathname))) return;
  if (request.mode === "navigate" || (request.headers.get("Accept") || "").includes("text/html")) {
    if (request.headers.has("Range")) return;
    event.respondWith(page(event, url));
  } else if (HASHED.test(url.pathname) || url.pathname.startsWith("/media/images/")) {
    event.respondWith(file(event, url));
  } else {
    event.respondWith(otherwise(event, url));
  }
});

/* A lesson kit page asks to keep itself and its files: {type: "save-kit", urls: [...]}; the answer,
   {saved: n} or {error: "..."}, goes back on the message's port. {type: "kit-saved", url} asks
   whether a kit is kept: {saved: 1} or {saved: 0}. */
self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports[0];
  if (data.type === "admin-keep" && Array.isArray(data.urls)) {
    event.waitUntil(keepForAdmin(String(data.user), data.urls).then((kept) => port && port.postMessage({ kept })));
    return;
  }
  if (data.type === "admin-sign-out") {
    event.waitUntil(forgetAdminUser(String(data.user)).then(() => port && port.postMessage({ forgotten: 1 })));
    return;
  }
  if (data.type === "kit-saved" && port) {
    const url = new URL(data.url, self.location.origin).href;
    event.waitUntil(
      caches
        .open(KITS)
        .then((cache) => cache.match(url))
        .then((found) => port.postMessage({ saved: found ? 1 : 0 })),
    );
    return;
  }
  if (data.type !== "save-kit" || !Array.isArray(data.urls)) return;
  const urls = data.urls
    .map((address) => new URL(address, self.location.origin))
    .filter((url) => url.origin === self.location.origin && !NEVER.some((p) => p.test(url.pathname)));
  const work = caches.open(KITS).then(async (cache) => {
    for (const url of urls) {
      const response = await fetch(url.href, { credentials: "same-origin" });
      if (!keepable(response)) throw new Error(url.pathname + ": " + response.status);
      await cache.put(url.href, response);
    }
    return urls.length;
  });
  event.waitUntil(
    work.then(
      (saved) => port && port.postMessage({ saved }),
      (error) => port && port.postMessage({ error: String(error) }),
    ),
  );
});

/* Background Sync (issue 18): a teacher's class report kept on the phone without a signal
   (IndexedDB "nacd-class-reports", home/static/js/offline.js) is sent when the connection returns, even
   with every page of the site closed. The page sends too when it is open: the server saves one report
   per identifier, so both sending is harmless. The officials' queue needs the signed-in page (its
   CSRF token), so it is sent by the page: on the "online" event, the next page opened, or "Send now". */
function reportsRequest(mode, work) {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open("nacd-class-reports", 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore("reports", { keyPath: "id" });
    opening.onerror = () => reject(opening.error);
    opening.onsuccess = () => {
      const transaction = opening.result.transaction("reports", mode);
      const request = work(transaction.objectStore("reports"));
      transaction.oncomplete = () => resolve(request && request.result);
      transaction.onerror = () => reject(transaction.error);
    };
  });
}

async function sendClassReports() {
  const items = await reportsRequest("readonly", (store) => store.getAll());
  for (const item of items.filter((each) => each.state === "saved")) {
    const body = new FormData();
    for (const [name, value] of item.fields) body.append(name, value);
    body.append("offline_id", item.id);
    const response = await fetch(item.action, { method: "POST", body, credentials: "same-origin", headers: { Accept: "application/json" } });
    const answer = (response.headers.get("Content-Type") || "").includes("json") ? await response.json() : null;
    if (answer && answer.status === "sent") await reportsRequest("readwrite", (store) => store.delete(item.id));
    else if (answer && answer.status === "refused") {
      await reportsRequest("readwrite", (store) => store.put({ ...item, state: "refused", errors: answer.errors || [] }));
    } else throw new Error("not sent: " + response.status); // the browser tries again later
    // An open page of the site shows the answer (home/static/js/offline.js showKept).
    for (const client of await self.clients.matchAll()) client.postMessage({ type: "class-reports-changed" });
  }
}

self.addEventListener("sync", (event) => {
  if (event.tag === "class-reports") event.waitUntil(sendClassReports());
});
