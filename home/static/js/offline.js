/* Registers the service worker (/sw.js, home/offline.py) and turns on the "Save for offline" button of
   lesson kit pages. An enhancement only: without it every page still reads, navigates and downloads. */
"use strict";
(function () {
  if (!("serviceWorker" in navigator) || !window.caches) return;
  navigator.serviceWorker.register("/sw.js", { scope: "/" }).catch(function () {});

  var button = document.querySelector("[data-save-offline]");
  if (!button) return;
  var status = document.getElementById(button.getAttribute("aria-controls"));
  var links = document.querySelectorAll(button.getAttribute("data-save-offline"));
  var urls = [location.pathname];
  for (var i = 0; i < links.length; i++) urls.push(links[i].getAttribute("href"));

  function say(message) {
    status.textContent = button.getAttribute("data-" + message);
  }

  function save() {
    button.disabled = true;
    say("saving");
    navigator.serviceWorker.ready
      .then(function (registration) {
        return new Promise(function (resolve, reject) {
          var channel = new MessageChannel();
          channel.port1.onmessage = function (event) {
            if (event.data && event.data.saved) resolve(event.data.saved);
            else reject(new Error(event.data && event.data.error));
          };
          registration.active.postMessage({ type: "save-kit", urls: urls }, [channel.port2]);
        });
      })
      .then(
        function () {
          say("saved");
        },
        function () {
          say("failed");
          button.disabled = false;
        },
      );
  }

  button.hidden = false;
  button.addEventListener("click", save);
})();
