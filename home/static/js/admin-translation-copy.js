/* The page editor's "Copy content from km/en" buttons (wagtail-modeltranslation), made safe (issue 16):
   - on a page not yet saved they cannot work (the copy is asked of the saved page's address, a 404 here):
     they are hidden and a line says why;
   - on a saved page, copying over a field that already has content asks first (window.confirm), so
     English text already typed is not lost without a word.
   The messages come from this script's data attributes (translated by the server). No inline script. */
(function () {
  "use strict";
  var script = document.currentScript;
  var text = (script && script.dataset) || {};
  var unsaved = /\/pages\/add\//.test(window.location.pathname);

  function blockCount(fieldName) {
    var counter = document.querySelector("[name='" + fieldName + "-count']");
    return counter ? parseInt(counter.value, 10) || 0 : 0;
  }

  function explainUnsaved() {
    var wrappers = document.querySelectorAll(".translation-field-copy-wrapper");
    for (var i = 0; i < wrappers.length; i++) {
      var wrapper = wrappers[i];
      if (wrapper.getAttribute("data-explained")) {
        continue;
      }
      wrapper.setAttribute("data-explained", "1");
      var buttons = wrapper.querySelectorAll(".translation-field-copy");
      for (var j = 0; j < buttons.length; j++) {
        buttons[j].hidden = true;
      }
      var note = document.createElement("span");
      note.className = "translation-field-copy-note";
      note.textContent = text.unsaved || "";
      wrapper.textContent = "";
      wrapper.appendChild(note);
    }
  }

  // Capture phase: runs before wagtail-modeltranslation's own click handler on the button.
  document.addEventListener(
    "click",
    function (event) {
      var button = event.target.closest ? event.target.closest(".translation-field-copy") : null;
      if (!button) {
        return;
      }
      if (unsaved) {
        event.preventDefault();
        event.stopImmediatePropagation();
        return;
      }
      var target = button.getAttribute("current-lang-code");
      if (blockCount(target) > 0 && !window.confirm(text.confirm || "")) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
    },
    true
  );

  if (unsaved) {
    // The buttons are added by wagtail-modeltranslation when the document is ready, and later for panels
    // drawn afterwards (a slow phone, a StreamField rendered by script): explain each as it appears.
    var explainLater = function () {
      explainUnsaved();
      new MutationObserver(explainUnsaved).observe(document.body, { childList: true, subtree: true });
    };
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", explainLater);
    } else {
      explainLater();
    }
  }
})();
