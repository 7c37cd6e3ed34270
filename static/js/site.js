/* SHERLOC progressive enhancement. Every page works without this file:
   - [data-autosubmit] controls submit their form on change (without JS: the "Apply" button);
   - long facet lists get a filter box (without JS: a <details> "show all");
   - the citation gets a copy button (without JS: select the text);
   - the filter panel starts closed on narrow screens (without JS: open). */
(function () {
  "use strict";
  var FOCUS_KEY = "sherloc:refocus";

  function normalise(text) {
    return (text || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  function autosubmit() {
    document.addEventListener("change", function (event) {
      var el = event.target;
      if (!el.matches || !el.matches("[data-autosubmit]") || !el.form) return;
      if (el.id) {
        try { sessionStorage.setItem(FOCUS_KEY, el.id); } catch (e) { /* private mode */ }
      }
      if (el.form.requestSubmit) el.form.requestSubmit(); else el.form.submit();
    });
    var id = null;
    try { id = sessionStorage.getItem(FOCUS_KEY); sessionStorage.removeItem(FOCUS_KEY); } catch (e) { /* ignore */ }
    var target = id && document.getElementById(id);
    if (target) {
      for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) d.open = true;
      target.focus({ preventScroll: false });
    }
  }

  function facetFilters() {
    document.querySelectorAll(".facet[data-filter-label]").forEach(function (facet) {
      var items = Array.prototype.slice.call(facet.querySelectorAll("li"));
      var branches = facet.querySelectorAll("details");
      var input = document.createElement("input");
      input.type = "search";
      input.className = "facet-filter";
      input.setAttribute("aria-label", facet.getAttribute("data-filter-label"));
      input.placeholder = facet.getAttribute("data-filter-placeholder") || "";
      input.autocomplete = "off";
      var legend = facet.querySelector("legend");
      legend.insertAdjacentElement("afterend", input);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") event.preventDefault(); // filtering the list must not submit the search
      });
      input.addEventListener("input", function () {
        var query = normalise(input.value.trim());
        if (query) branches.forEach(function (d) { d.open = true; });
        items.forEach(function (li) {
          li.hidden = query !== "" && normalise(li.textContent).indexOf(query) === -1;
        });
      });
    });
  }

  function copyButtons() {
    document.querySelectorAll("[data-copy]").forEach(function (button) {
      var source = document.querySelector(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) return;
      button.hidden = false;
      var label = button.textContent;
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
          button.textContent = button.getAttribute("data-copied") || label;
          setTimeout(function () { button.textContent = label; }, 2000);
        });
      });
    });
  }

  // Printing: every <details> (the law's contents, a provision's citation) prints open; the ones opened for
  // the print close again afterwards. The Print / PDF button only exists with JavaScript.
  function printing() {
    var opened = [];
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (d) { d.open = true; opened.push(d); });
    });
    window.addEventListener("afterprint", function () {
      opened.forEach(function (d) { d.open = false; });
      opened = [];
    });
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function collapseFiltersOnPhones() {
    var panel = document.querySelector("details.filters");
    if (panel && window.matchMedia("(max-width: 55.99rem)").matches) panel.open = false;
  }

  document.documentElement.classList.add("js");

  function init() {
    collapseFiltersOnPhones();
    facetFilters();
    copyButtons();
    printing();
    autosubmit();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
})();
