/* Officials' phone queue (issue 18, docs/events.md "Without a signal"): the event form and the attendance
   report work without a signal once opened online, and nothing typed is lost.

   - The page tells the service worker (/sw.js) who is signed in (a key, never a name) and asks it to keep
     this screen, the event form and what they load; offline, the worker shows the kept copies.
   - Saving without a signal (or with photos from this phone) keeps the submission in IndexedDB with an
     identifier made here; it is sent to the server by itself when the connection returns, on the next
     page load, or with "Send now". The server saves it once whatever is repeated.
   - Photos from this phone are made smaller here (long edge at most 1600 px) before they are kept.
   - A refused item keeps what was typed; "Fix" opens the form filled in again, with the reason.
   - The queue is the signed-in person's: another person on the phone sees none of it. Signing out
     forgets what was sent and warns when something is not sent yet (it stays for its owner). */
"use strict";

(() => {
  const script = document.currentScript;
  const textNode = document.getElementById("outreach-offline-text");
  if (!script || !textNode || !("indexedDB" in window)) return;
  const T = JSON.parse(textNode.textContent);
  const USER = script.dataset.user;
  const SUBMIT = script.dataset.submit;
  const ADD = script.dataset.add;
  if (!USER) return;
  const LONG_EDGE = 1600;
  const STORE = "items";
  const SCREEN = new RegExp("^" + script.dataset.base.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + "(?:add|report/(\\d+))/$");
  const screen = location.pathname.match(SCREEN);

  /* IndexedDB: one store of items {id, user, kind, event, url, title, fields, photos, state, errors, answer}. */
  let opened = null;
  function db() {
    opened =
      opened ||
      new Promise((resolve, reject) => {
        const request = indexedDB.open("nacd-offline-queue", 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: "id" }).createIndex("user", "user");
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    return opened;
  }
  function done(request) {
    return new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  }
  async function store(mode) {
    return (await db()).transaction(STORE, mode).objectStore(STORE);
  }
  const put = async (item) => done((await store("readwrite")).put(item));
  const drop = async (id) => done((await store("readwrite")).delete(id));
  const mine = async () => done((await store("readonly")).index("user").getAll(USER));
  async function one(id) {
    const item = await done((await store("readonly")).get(id));
    return item && item.user === USER ? item : null;
  }

  function newId() {
    if (crypto.randomUUID) return crypto.randomUUID();
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function csrf() {
    const cookie = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (cookie) return decodeURIComponent(cookie[1]);
    const field = document.querySelector("[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }

  /* Sending: each item once at a time; the server answers a repeat with its first answer. */
  async function send(item) {
    item.state = "sending";
    await put(item);
    render();
    const body = new FormData();
    body.append("offline_id", item.id);
    body.append("offline_kind", item.kind);
    if (item.event) body.append("offline_event", item.event);
    for (const [name, value] of item.fields) if (name !== "csrfmiddlewaretoken") body.append(name, value);
    item.photos.forEach((photo, n) => body.append("photo", photo, photo.name || `photo-${n + 1}.jpg`));
    let answer = null;
    try {
      const response = await fetch(SUBMIT, {
        method: "POST",
        body,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrf() },
      });
      if ((response.headers.get("Content-Type") || "").includes("json")) answer = await response.json();
    } catch (error) {
      answer = null; // no connection after all: it waits
    }
    if (answer && answer.status === "sent") {
      Object.assign(item, { state: "sent", answer, photos: [], errors: [], sentAt: Date.now() });
    } else if (answer && answer.status === "refused") {
      Object.assign(item, { state: "refused", errors: answer.errors || [], confirm: answer.confirm || [] });
    } else {
      item.state = "saved"; // signed out meanwhile, or a network that answers with its own page: later
    }
    await put(item);
    return item.state;
  }

  let sending = null;
  function sendAll() {
    if (sending || !navigator.onLine) return sending;
    sending = (async () => {
      try {
        for (const item of await mine()) if (item.state === "saved" || item.state === "sending") await send(item);
      } finally {
        sending = null;
        render();
      }
    })();
    return sending;
  }

  /* The visible list, on every screen of these pages. */
  function element(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }
  const SENT_SHOWN_MS = 3 * 24 * 3600 * 1000; // a sent item stays listed three days, then goes

  async function render() {
    let items = await mine();
    for (const old of items.filter((item) => item.state === "sent" && Date.now() - item.sentAt > SENT_SHOWN_MS)) {
      await drop(old.id);
    }
    items = items.filter((item) => !(item.state === "sent" && Date.now() - item.sentAt > SENT_SHOWN_MS));
    items.sort((a, b) => a.savedAt - b.savedAt);
    let box = document.getElementById("outreach-queue");
    if (!items.length) {
      if (box) box.hidden = true;
      return;
    }
    if (!box) {
      box = element("section", { id: "outreach-queue", class: "outreach-queue", "aria-live": "polite" });
      const header = document.querySelector("main .w-slim-header, main > header");
      if (header) header.after(box);
      else (document.querySelector("main") || document.body).prepend(box);
    }
    box.hidden = false;
    const waiting = items.some((item) => item.state === "saved");
    const allSent = items.every((item) => item.state === "sent");
    box.toggleAttribute("data-all-sent", allSent);
    const list = element("ul", { class: "outreach-queue__items" });
    for (const item of items) {
      const state = element("span", { class: "outreach-queue__state", "data-state": item.state }, T[item.state]);
      const row = element("li", { class: "outreach-queue__item", "data-id": item.id }, element("strong", {}, item.title), " ", state);
      if (item.state === "refused") {
        row.append(element("span", { class: "outreach-queue__reason" }, " " + item.errors.join(" ")), " ");
        row.append(element("a", { href: `${item.url}#offline-item=${item.id}`, class: "button button-small" }, T.fix));
      }
      if (item.state === "sent" && item.answer && item.answer.url) {
        row.append(" ", element("a", { href: item.answer.url }, T.open));
      }
      list.append(row);
    }
    const heading = element("h2", { class: "outreach-queue__heading" }, allSent ? T.all_sent : T.heading);
    const children = [heading, list];
    if (waiting) {
      const button = element("button", { type: "button", class: "button button-small outreach-queue__send" }, T.send_now);
      const note = element("p", { class: "outreach-queue__note", role: "status" }, T.no_signal);
      note.hidden = true;
      button.addEventListener("click", () => {
        note.hidden = navigator.onLine; // without a signal, say so: it goes by itself when the signal returns
        sendAll();
      });
      children.push(button, note);
    }
    box.replaceChildren(...children);
  }

  /* Photos from this phone: smaller before they are kept (a 3G upload is small). */
  async function smaller(file) {
    try {
      const bitmap = await createImageBitmap(file);
      const scale = Math.min(1, LONG_EDGE / Math.max(bitmap.width, bitmap.height));
      if (scale === 1 && file.type === "image/jpeg") return file;
      const canvas = document.createElement("canvas");
      canvas.width = Math.round(bitmap.width * scale);
      canvas.height = Math.round(bitmap.height * scale);
      canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/jpeg", 0.82));
      return new File([blob], file.name.replace(/\.[^.]*$/, "") + ".jpg", { type: "image/jpeg" });
    } catch (error) {
      return file; // not a picture the phone can read: the server says so
    }
  }

  function fieldsOf(form) {
    return [...new FormData(form)].filter(([, value]) => typeof value === "string");
  }

  function refill(form, fields) {
    const seen = new Set();
    for (const [name, value] of fields) {
      const controls = form.querySelectorAll(`[name="${CSS.escape(name)}"]`);
      for (const control of controls) {
        if (control.type === "checkbox" || control.type === "radio") {
          if (!seen.has(name)) control.checked = false;
          if (control.value === value) control.checked = true;
        } else if (control.type !== "file" && control.type !== "hidden") {
          control.value = value;
        }
      }
      seen.add(name);
    }
  }

  function stopSpinners(form) {
    for (const button of form.querySelectorAll("[data-w-progress-loading-value], .button-longrunning")) {
      button.setAttribute("data-w-progress-loading-value", "false");
      button.classList.remove("button-longrunning-active");
      button.disabled = false;
    }
  }

  function editForm() {
    const save = document.querySelector("main form .action-save, form .action-save");
    return save ? save.closest("form") : null;
  }

  function setUpForm() {
    const form = editForm();
    if (!form) return;
    const event = screen[1] || "";
    let photos = null;
    if (event) {
      const input = element("input", { type: "file", id: "outreach-phone-photos", accept: "image/*", multiple: "" });
      photos = input;
      const field = element(
        "div",
        { class: "w-field__wrapper outreach-phone-photos" },
        element("label", { class: "w-field__label", for: "outreach-phone-photos" }, T.photos),
        input,
        element("p", { class: "w-field__help" }, T.photos_help),
      );
      const footer = form.querySelector("footer");
      if (footer) footer.before(field);
      else form.append(field);
    }
    /* "Fix and send again" opens the form at #offline-item=<id>: the typed values again, with the reason.
       The same screen's link only changes the address's hash, so that is listened to as well. */
    let editing = "";
    async function openItem() {
      const id = (location.hash.match(/^#offline-item=([0-9a-f-]{36})$/) || [])[1] || "";
      const item = id ? await one(id) : null;
      if (!item) return;
      editing = id;
      refill(form, item.fields);
      const old = document.getElementById("outreach-offline-reason");
      if (old) old.remove();
      const note = element("div", { id: "outreach-offline-reason", class: "help-block help-critical", role: "alert" }, T.refused + " " + item.errors.join(" "));
      const first = form.querySelector(".w-panel, .w-field__wrapper");
      if (first) first.before(note);
      else form.prepend(note);
      // A box the server asked to tick (e.g. "a different event: save it anyway"): shown for this item.
      for (const { name, label } of item.confirm || []) {
        if (form.querySelector(`[name="${CSS.escape(name)}"]`)) continue;
        const box = element("input", { type: "checkbox", name, value: "on", id: `outreach-confirm-${name}` });
        note.after(element("div", { class: "w-field__wrapper outreach-confirm" }, box, " ", element("label", { for: box.id }, label)));
      }
      note.scrollIntoView({ block: "center" });
    }
    openItem();
    window.addEventListener("hashchange", openItem);
    form.addEventListener("submit", async (submitEvent) => {
      const chosen = photos ? [...photos.files] : [];
      // With a signal and nothing from the phone: the form as always. A queued item being fixed goes back
      // through the queue, with its own identifier, so it is one submission however often it is sent.
      if (navigator.onLine && !chosen.length && !editing) return;
      submitEvent.preventDefault();
      stopSpinners(form);
      const fields = fieldsOf(form);
      const value = (name) => (fields.find(([key]) => key === name) || [])[1] || "";
      const crumb = document.querySelector(".w-slim-header [data-w-breadcrumbs] li:last-child");
      const heading = (crumb ? crumb.textContent : document.title.split(" - ")[0]) || "";
      const previous = editing ? await one(editing) : null;
      const kept = [];
      for (const file of chosen) kept.push(await smaller(file));
      const item = {
        id: editing || newId(),
        user: USER,
        kind: event ? "report" : "event",
        event,
        url: location.pathname,
        title: event ? `${T.report}: ${heading.trim()}` : value("title_km") || value("title_en") || T.event,
        fields,
        photos: kept.length ? kept : previous ? previous.photos : [],
        state: "saved",
        errors: [],
        confirm: [],
        savedAt: previous ? previous.savedAt : Date.now(),
      };
      await put(item);
      editing = "";
      const reason = document.getElementById("outreach-offline-reason");
      if (reason) reason.remove();
      if (photos) photos.value = "";
      history.replaceState(null, "", location.pathname);
      await render();
      document.getElementById("outreach-queue").scrollIntoView();
      if (navigator.onLine) sendAll();
    });
  }

  const digits = (n) => (document.documentElement.lang === "km" ? String(n).replace(/[0-9]/g, (d) => "០១២៣៤៥៦៧៨៩"[d]) : String(n));

  /* Signing out: what was sent is forgotten; what is not sent yet stays its owner's, with a warning. */
  document.addEventListener(
    "submit",
    async (submitEvent) => {
      const form = submitEvent.target;
      if (!form.action || !new URL(form.action).pathname.endsWith("/logout/") || form.dataset.queueChecked) return;
      submitEvent.preventDefault();
      const items = await mine();
      const unsent = items.filter((item) => item.state !== "sent");
      if (unsent.length && !window.confirm(T.sign_out_warning.replace("%(count)s", digits(unsent.length)))) return;
      for (const item of items) if (item.state === "sent") await drop(item.id);
      const worker = navigator.serviceWorker && navigator.serviceWorker.controller;
      if (worker) worker.postMessage({ type: "admin-sign-out", user: USER });
      form.dataset.queueChecked = "1";
      form.submit();
    },
    true,
  );

  /* The worker keeps this screen, the event form and what they load, for this person. */
  function keepScreens() {
    if (!("serviceWorker" in navigator) || !navigator.onLine) return;
    navigator.serviceWorker
      .register("/sw.js")
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => {
        const loaded = performance.getEntriesByType("resource").map((entry) => entry.name);
        const urls = [location.href.split("#")[0], ADD, ...loaded];
        const channel = new MessageChannel();
        channel.port1.onmessage = () => document.documentElement.setAttribute("data-offline-kept", "1");
        registration.active.postMessage({ type: "admin-keep", user: USER, urls }, [channel.port2]);
      })
      .catch(() => {});
  }

  if (screen) setUpForm();
  window.addEventListener("online", () => sendAll());
  render().then(() => sendAll());
  keepScreens();
})();
