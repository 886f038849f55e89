// Khmer digits in the date-time picker of a Khmer admin screen ("ធ្នូ ២០២៦", "០៩:០០").
// The server writes Khmer digits in the admin's text (home/http/admin_digits.py); the picker draws its
// month, year and times in the browser, in Latin digits. Only its text is changed, never its data.
(function () {
  "use strict";
  if (!(document.documentElement.lang || "").startsWith("km")) return;
  var KHMER = "០១២៣៤៥៦៧៨៩";
  var PICKER = ".xdsoft_datetimepicker";

  function khmer(text) {
    return text.replace(/[0-9]/g, function (d) { return KHMER[d]; });
  }

  function convert(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var node;
    while ((node = walker.nextNode())) {
      if (/[0-9]/.test(node.nodeValue)) node.nodeValue = khmer(node.nodeValue);
    }
  }

  function inPicker(node) {
    var element = node.nodeType === 1 ? node : node.parentElement;
    return element && element.closest && element.closest(PICKER);
  }

  function start() {
    document.querySelectorAll(PICKER).forEach(convert);
    new MutationObserver(function (records) {
      records.forEach(function (record) {
        var picker = inPicker(record.target);
        if (picker) convert(picker);
        record.addedNodes.forEach(function (added) {
          if (added.nodeType === 1 && added.matches(PICKER)) convert(added);
        });
      });
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
