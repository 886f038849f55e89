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
        unsent = true;
        say("data-keep-offline");
      });
    });
    window.addEventListener("online", function () {
      if (unsent) say("data-send-online");
    });
  });
})();
