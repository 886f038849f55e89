/* The teachers' class report (lesson kit pages): the district list narrowed to the province chosen.
   Progressive enhancement: without JavaScript every district is listed ("District (Province)") and the
   server refuses a district outside the province. Each option names its province (data-province) and
   its own name (data-name). Old phones: plain ES5, no framework. */
(function () {
  "use strict";
  var province = document.getElementById("id_province");
  var district = document.getElementById("id_district");
  if (!province || !district || !district.options) {
    return;
  }
  var all = [];
  for (var i = 0; i < district.options.length; i++) {
    all.push(district.options[i].cloneNode(true));
  }
  function narrow() {
    var chosen = province.value;
    var current = district.value;
    while (district.options.length) {
      district.remove(0);
    }
    for (var j = 0; j < all.length; j++) {
      var option = all[j];
      if (!option.value || !chosen || option.getAttribute("data-province") === chosen) {
        var copy = option.cloneNode(true);
        if (chosen && copy.getAttribute("data-name")) {
          copy.textContent = copy.getAttribute("data-name");
        }
        district.appendChild(copy);
      }
    }
    district.value = current;
    if (district.value !== current) {
      district.value = "";
    }
  }
  province.addEventListener("change", narrow);
  narrow();
})();
