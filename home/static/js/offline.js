/* Registers the service worker (/sw.js, home/offline.py) and turns on the "Save for offline" button of
   lesson kit pages. An enhancement only: without it every page still reads, navigates and downloads. */
"use strict";
(function () {
  if (!("serviceWorker" in navigator) || !window.caches) return;
  var registering = navigator.serviceWorker.register("/sw.js", { scope: "/" });
  var button = document.querySelector("[data-save-offline]");
  registering.catch(function () {
    if (button) button.hidden = true; // no worker (private window, storage off): no button that cannot work
  });
  if (!button) return;
  var status = document.getElementById(button.getAttribute("aria-controls"));
  var links = document.querySelectorAll(button.getAttribute("data-save-offline"));
  var urls = [location.pathname];
  for (var i = 0; i < links.length; i++) urls.push(links[i].getAttribute("href"));

  function say(message) {
    status.textContent = button.getAttribute("data-" + message);
  }

  // Asks the worker; resolves with its answer when it says something was saved, rejects otherwise.
  function ask(message) {
    return navigator.serviceWorker.ready.then(function (registration) {
      return new Promise(function (resolve, reject) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) {
          if (event.data && event.data.saved) resolve(event.data.saved);
          else reject(new Error(event.data && event.data.error));
        };
        registration.active.postMessage(message, [channel.port2]);
      });
    });
  }

  // Not disabled while saving: a disabled button would drop the keyboard focus to the page.
  var busy = false;

  function save() {
    if (busy) return;
    busy = true;
    say("saving");
    ask({ type: "save-kit", urls: urls })
      .then(
        function () {
          busy = false;
          say("saved");
        },
        function () {
          busy = false;
          say("failed");
        },
      );
  }

  button.hidden = false;
  button.addEventListener("click", save);
  ask({ type: "kit-saved", url: location.pathname }).then(
    function () {
      say("saved");
    },
    function () {},
  );
})();

/* Without a connection (issue 16): what needs one says so, and a report typed offline stays typed.
   - A link or button marked data-needs-connection="message" does nothing offline but say the message
     (in the element named by its aria-controls, or the nearest [data-connection-status]).
   - A form marked data-keep-offline="message" is not sent offline (the browser would replace the page,
     and what was typed, with its own error page): it stays as typed, the message says to send it once
     online, and a copy kept on the phone (localStorage) refills it if the page is opened again. */
(function () {
  function offline() {
    return navigator.onLine === false;
  }

  function statusFor(element) {
    var id = element.getAttribute("aria-controls");
    var found = id && document.getElementById(id);
    if (found) return found;
    var box = element.closest("[data-connection-status-within]");
    return box ? box.querySelector("[data-connection-status]") : null;
  }

  // Whether the site answers (any answer): phones often say "online" on a network with no internet,
  // so the browser's word is not enough. The worker lets HEAD requests through to the network.
  function reachable(url) {
    if (offline()) return Promise.resolve(false);
    if (!window.fetch) return Promise.resolve(true);
    return fetch(url, { method: "HEAD", cache: "no-store", credentials: "same-origin" }).then(
      function () {
        return true;
      },
      function () {
        return false;
      },
    );
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-needs-connection]");
    if (!link) return;
    if (link.hasAttribute("data-connection-checked")) {
      link.removeAttribute("data-connection-checked");
      return; // checked just now: the browser downloads it
    }
    event.preventDefault();
    reachable(link.getAttribute("href")).then(function (ok) {
      if (ok) {
        link.setAttribute("data-connection-checked", "");
        link.click();
        return;
      }
      var status = statusFor(link);
      if (status) status.textContent = link.getAttribute("data-needs-connection");
    });
  });

  var forms = document.querySelectorAll("form[data-keep-offline]");
  var storage;
  try {
    storage = window.localStorage;
  } catch (error) {
    storage = null; // storage off: the form is still kept in the page
  }

  function fields(form) {
    var named = [];
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      if (field.name && field.type !== "hidden" && field.type !== "submit" && field.name !== "website") named.push(field);
    }
    return named;
  }

  function keep(form) {
    if (!storage) return;
    var values = {};
    fields(form).forEach(function (field) {
      values[field.name] = field.value;
    });
    try {
      storage.setItem("nacd-form:" + form.getAttribute("action"), JSON.stringify(values));
    } catch (error) {
      /* full: the page still holds it */
    }
  }

  // Fills the empty fields from the copy kept on the phone; true when there was one.
  function refill(form) {
    if (!storage) return false;
    var kept = storage.getItem("nacd-form:" + form.getAttribute("action"));
    if (!kept) return false;
    var values;
    try {
      values = JSON.parse(kept);
    } catch (error) {
      return false;
    }
    fields(form).forEach(function (field) {
      if (!field.value && values[field.name]) {
        field.value = values[field.name];
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    return true;
  }

  Array.prototype.forEach.call(forms, function (form) {
    var status = form.querySelector("[data-connection-status]");
    function say(name) {
      if (status) status.textContent = form.getAttribute(name);
    }
    var unsent = refill(form); // a kept copy is one not sent yet (sending drops it)
    if (unsent && offline()) say("data-keep-offline");
    form.addEventListener("input", function () {
      keep(form);
    });
    form.addEventListener("submit", function (event) {
      if (form.hasAttribute("data-connection-checked")) {
        form.removeAttribute("data-connection-checked");
        if (storage) storage.removeItem("nacd-form:" + form.getAttribute("action"));
        form.dispatchEvent(new Event("nacd-sent-as-usual")); // a queued copy is this one: the queue forgets it
        return; // the site answers: sent as usual
      }
      event.preventDefault();
      keep(form);
      var submitter = event.submitter;
      reachable(form.getAttribute("action")).then(function (ok) {
        if (ok) {
          form.setAttribute("data-connection-checked", "");
          if (!form.requestSubmit) form.submit();
          else if (submitter) form.requestSubmit(submitter);
          else form.requestSubmit();
          return;
        }
        if (form.hasAttribute("data-queue-ready")) {
          form.dispatchEvent(new Event("nacd-queue")); // the phone's queue below keeps it and sends it later
          return;
        }
        unsent = true;
        say("data-keep-offline");
      });
    });
    window.addEventListener("online", function () {
      if (unsent && !form.hasAttribute("data-queue-ready")) say("data-send-online");
    });
  });
})();

/* The teachers' report queue (issue 18, docs/events.md): a form marked data-queue is sent as usual with a
   connection (the script above checks that the site answers); without one:
   - the report is kept on the phone (IndexedDB) with an identifier made here, and
     the form says so; it is sent by itself when the connection returns (the "online" event, the next
     page of the site opened, Background Sync in the worker where the browser has it) or with "Send now".
   - The server saves one report per identifier, so a report sent twice (a lost answer, two tabs) is one.
   - A report the server refuses comes back into the form with its reasons, and keeps its identifier.
   Without IndexedDB the form is kept as above (localStorage), to be sent by hand. */
(function () {
  if (!window.indexedDB || !window.fetch || !window.FormData || !window.Promise) return;
  var STORE = "reports";
  var opened = null;
  function db() {
    opened =
      opened ||
      new Promise(function (resolve, reject) {
        var request = indexedDB.open("nacd-class-reports", 1);
        request.onupgradeneeded = function () {
          request.result.createObjectStore(STORE, { keyPath: "id" });
        };
        request.onsuccess = function () {
          resolve(request.result);
        };
        request.onerror = function () {
          reject(request.error);
        };
      });
    return opened;
  }
  function run(mode, work) {
    return db().then(function (database) {
      return new Promise(function (resolve, reject) {
        var transaction = database.transaction(STORE, mode);
        var request = work(transaction.objectStore(STORE));
        transaction.oncomplete = function () {
          resolve(request && request.result);
        };
        transaction.onerror = function () {
          reject(transaction.error);
        };
      });
    });
  }
  function all() {
    return run("readonly", function (store) {
      return store.getAll();
    });
  }
  function put(item) {
    return run("readwrite", function (store) {
      return store.put(item);
    });
  }
  function drop(id) {
    return run("readwrite", function (store) {
      return store.delete(id);
    });
  }
  function newId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = "";
    for (var i = 0; i < 16; i++) h += (b[i] < 16 ? "0" : "") + b[i].toString(16);
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  var forms = document.querySelectorAll("form[data-queue]");
  function formFor(action) {
    for (var i = 0; i < forms.length; i++) if (forms[i].getAttribute("action") === action) return forms[i];
    return null;
  }
  function say(form, name, extra) {
    var status = form.querySelector("[data-connection-status]");
    if (!status) return;
    status.textContent = form.getAttribute(name) + (extra ? " " + extra : "");
    status.setAttribute("data-queue-state", name.replace("data-queue-", ""));
    var button = form.querySelector("[data-send-now]");
    if (button) button.hidden = name !== "data-queue-saved";
  }
  function fieldsOf(form) {
    var fields = [];
    for (var i = 0; i < form.elements.length; i++) {
      var field = form.elements[i];
      if (field.name && field.type !== "submit" && field.name !== "offline_id") fields.push([field.name, field.value]);
    }
    return fields;
  }
  function refill(form, fields) {
    fields.forEach(function (pair) {
      var field = form.elements[pair[0]];
      if (field && field.type !== "hidden") {
        field.value = pair[1];
        field.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  }
  function forget(action) {
    try {
      window.localStorage.removeItem("nacd-form:" + action);
    } catch (error) {
      /* storage off */
    }
  }

  function send(item) {
    var form = formFor(item.action);
    if (form) say(form, "data-queue-sending");
    var body = new FormData();
    item.fields.forEach(function (pair) {
      body.append(pair[0], pair[1]);
    });
    body.append("offline_id", item.id);
    return fetch(item.action, { method: "POST", body: body, credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return (response.headers.get("Content-Type") || "").indexOf("json") >= 0 ? response.json() : null;
      })
      .catch(function () {
        return null; // no connection after all: it waits
      })
      .then(function (answer) {
        if (answer && answer.status === "sent") {
          forget(item.action);
          return drop(item.id).then(function () {
            if (!form) return;
            form.reset();
            delete form.dataset.queueId;
            say(form, "data-queue-sent");
          });
        }
        item.state = answer && answer.status === "refused" ? "refused" : "saved";
        item.errors = (answer && answer.errors) || [];
        return put(item).then(function () {
          if (!form) return;
          if (item.state === "refused") {
            form.dataset.queueId = item.id;
            refill(form, item.fields);
            say(form, "data-queue-refused", item.errors.join(" "));
          } else say(form, "data-queue-saved");
        });
      });
  }

  var sending = null;
  function sendAll() {
    if (sending || navigator.onLine === false) return sending;
    sending = all()
      .then(function (items) {
        var chain = Promise.resolve();
        items.forEach(function (item) {
          if (item.state === "saved") {
            chain = chain.then(function () {
              return send(item);
            });
          }
        });
        return chain;
      })
      .then(
        function () {
          sending = null;
        },
        function () {
          sending = null;
        },
      );
    return sending;
  }

  function askTheWorker() {
    // Background Sync where the browser has it: the worker sends even if every page of the site is closed.
    if (!navigator.serviceWorker) return;
    navigator.serviceWorker.ready
      .then(function (registration) {
        if (registration.sync) return registration.sync.register("class-reports");
      })
      .catch(function () {});
  }

  Array.prototype.forEach.call(forms, function (form) {
    form.setAttribute("data-queue-ready", "");
    var button = form.querySelector("[data-send-now]");
    if (button) {
      button.addEventListener("click", function () {
        sendAll();
      });
    }
    form.addEventListener("nacd-sent-as-usual", function () {
      if (form.dataset.queueId) drop(form.dataset.queueId);
    });
    // Sent when the site cannot be reached (the script above asks): kept on the phone, sent later.
    form.addEventListener("nacd-queue", function () {
      var item = {
        id: form.dataset.queueId || newId(),
        action: form.getAttribute("action"),
        fields: fieldsOf(form),
        state: "saved",
        errors: [],
        savedAt: Date.now(),
      };
      form.dataset.queueId = item.id;
      put(item).then(function () {
        say(form, "data-queue-saved");
        if (navigator.onLine === false) askTheWorker();
        else sendAll();
      });
    });
  });

  // What this phone keeps for each form: shown, and back in the form if it was refused. Shown again after
  // sending and when the worker sent in the background (Background Sync): whichever sent first, the
  // teacher reads the answer (the server keeps one report per identifier, so both may send).
  function showKept() {
    return all().then(function (items) {
      Array.prototype.forEach.call(forms, function (form) {
        var shown = form.dataset.queueId;
        var found = false;
        items.forEach(function (item) {
          if (item.action !== form.getAttribute("action")) return;
          found = found || item.id === shown;
          var state = item.state + " " + (item.errors || []).join(" ");
          if (item.id === shown && form.dataset.queueShown === state) return; // unchanged: what is typed stays
          form.dataset.queueId = item.id;
          form.dataset.queueShown = state;
          refill(form, item.fields);
          if (item.state === "refused") say(form, "data-queue-refused", item.errors.join(" "));
          else say(form, "data-queue-saved");
        });
        if (shown && !found && form.dataset.queueShown) {
          // sent meanwhile (by the worker): the form is empty again for the next class
          form.reset();
          delete form.dataset.queueId;
          delete form.dataset.queueShown;
          say(form, "data-queue-sent");
        }
      });
    });
  }
  function sendAndShow() {
    return Promise.resolve(sendAll()).then(showKept);
  }
  if (navigator.serviceWorker) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.type === "class-reports-changed") showKept();
    });
  }
  showKept();
  window.addEventListener("online", sendAndShow);
  sendAll();
})();
