/* "Add a row" buttons for the formsets of the submission forms (provisions, people, charges): the
 * server renders two empty rows and a <template> of one more; each click appends a copy numbered after
 * the last row and raises the formset's TOTAL_FORMS, exactly as if the server had rendered it. Without
 * JavaScript the buttons stay hidden and the empty rows work as before.
 */
(function () {
  "use strict";

  function addRow(button) {
    var prefix = button.getAttribute("data-add-row");
    var template = document.getElementById(prefix + "-template");
    var total = document.getElementById("id_" + prefix + "-TOTAL_FORMS");
    if (!template || !total) { return; }
    var index = parseInt(total.value, 10) || 0;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.replace(/__prefix__/g, String(index));
    var row = holder.firstElementChild;
    var legend = row.querySelector("legend");
    if (legend) { legend.textContent = legend.textContent + " " + (index + 1); }
    button.parentNode.parentNode.insertBefore(row, button.parentNode);
    total.value = String(index + 1);
    document.dispatchEvent(new CustomEvent("sherloc:row-added", { detail: row }));
    var first = row.querySelector("input:not([type=hidden]), textarea, select");
    if (first) { first.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("button[data-add-row]"), function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { addRow(button); });
    });
  });
})();
