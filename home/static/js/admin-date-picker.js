/* Wagtail's date and time picker (jQuery xdsoft) closes only when the page is clicked elsewhere: on a
   phone it stayed open after the official moved to the next field and lay over "Save" (issue 16).
   Here it closes as soon as the focus leaves its field for anything that is not the picker itself. */
(function () {
  "use strict";
  function pickerOf(element) {
    return element && element.closest ? element.closest(".xdsoft_datetimepicker") : null;
  }
  // Every open picker but the one of ``field`` (the field the focus moved to, when it has a picker).
  function closeOpenPickers(field) {
    var jq = window.jQuery;
    if (!jq) return;
    var own = field ? jq(field).data("xdsoft_datetimepicker") : null;
    jq(".xdsoft_datetimepicker:visible").each(function () {
      if (!own || own[0] !== this) jq(this).trigger("close.xdsoft");
    });
  }
  document.addEventListener("focusin", function (event) {
    if (!pickerOf(event.target)) closeOpenPickers(event.target);
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closeOpenPickers(null);
  });
})();
