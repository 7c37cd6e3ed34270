/* Searchable pickers for the long multi-selects of the submission forms (107 articles, 60 issues,
 * crime types, roles): a filter box above each list hides the options that do not match what is typed,
 * and a line below says what is chosen, so a focal point does not scroll through the Convention or lose
 * track of Ctrl-clicks. Without JavaScript the plain list works as before.
 */
(function () {
  "use strict";

  function normalise(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function enhance(select) {
    var form = select.form;
    var placeholder = (form && form.getAttribute("data-picker-filter")) || "Filter the list";
    var chosenLabel = (form && form.getAttribute("data-picker-chosen")) || "Chosen:";
    var box = document.createElement("input");
    box.type = "search";
    box.className = "picker-filter";
    box.placeholder = placeholder;
    box.setAttribute("aria-label", placeholder);
    box.setAttribute("aria-controls", select.id);
    var summary = document.createElement("p");
    summary.className = "picker-chosen";
    summary.setAttribute("aria-live", "polite");
    select.parentNode.insertBefore(box, select);
    select.parentNode.insertBefore(summary, select.nextSibling);

    function showChosen() {
      var names = Array.prototype.filter.call(select.options, function (o) { return o.selected; })
        .map(function (o) { return o.text; });
      summary.textContent = names.length ? chosenLabel + " " + names.join("; ") : "";
    }

    box.addEventListener("input", function () {
      var words = normalise(box.value).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(select.options, function (o) {
        var text = normalise(o.text + " " + o.value);
        o.hidden = !o.selected && !words.every(function (w) { return text.indexOf(w) !== -1; });
      });
    });
    box.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }  // never submit the form from the filter
    });
    select.addEventListener("change", showChosen);
    showChosen();
  }

  function enhanceWithin(root) {
    Array.prototype.forEach.call(root.querySelectorAll("select[multiple]:not([disabled])"), function (select) {
      if (select.form && select.form.classList.contains("submission-form")) { enhance(select); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () { enhanceWithin(document); });
  document.addEventListener("sherloc:row-added", function (event) { enhanceWithin(event.detail); });
})();
