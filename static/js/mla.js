/* The MLA request writer, better with JavaScript (everything works without it):
 * - the provision picker filters as one types (without JavaScript the "Find" button asks the server);
 * - a measure's details box shows only when its measure is ticked;
 * - choosing another requested State saves the step at once so its central authority appears.
 */
(function () {
  "use strict";

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function pickerFilter(box) {
    var list = document.getElementById(box.getAttribute("data-mla-filter"));
    if (!list) { return; }
    box.addEventListener("input", function () {
      var words = normalise(box.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(list.querySelectorAll("li[data-text]"), function (item) {
        var input = item.querySelector("input");
        var text = normalise(item.getAttribute("data-text"));
        item.hidden = !(input && input.checked) && !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
  }

  function measureDetails(block) {
    var box = block.querySelector("input[type=checkbox]");
    var details = block.querySelector(".mla-measure-details");
    if (!box || !details) { return; }
    function sync() { details.hidden = !box.checked && !details.querySelector(".errors"); }
    box.addEventListener("change", function () { sync(); if (box.checked) { details.querySelector("textarea").focus(); } });
    sync();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.documentElement.classList.add("mla-js");
    Array.prototype.forEach.call(document.querySelectorAll("[data-mla-filter]"), pickerFilter);
    Array.prototype.forEach.call(document.querySelectorAll(".mla-measure"), measureDetails);
    var country = document.getElementById("id_requested_country");
    if (country && country.form) {
      country.addEventListener("change", function () {
        var stay = document.createElement("input");
        stay.type = "hidden"; stay.name = "action"; stay.value = "stay";
        country.form.appendChild(stay);
        country.form.submit();
      });
    }
  });
})();
