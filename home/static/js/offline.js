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
