/* The admin's autocomplete list filters (templates/admin/sherloc/autocomplete_filter.html): choosing a
 * value navigates to the filtered changelist. A static file rather than an inline script, so the
 * Content-Security-Policy needs no 'unsafe-inline'. */
(function () {
  "use strict";
  // select2 fires jQuery (not native) change events, so listen through django.jQuery.
  function bind() {
    if (!window.django || !django.jQuery) { return; }
    var selects = document.querySelectorAll(".sherloc-autocomplete-filter select[data-url-template]");
    Array.prototype.forEach.call(selects, function (el) {
      if (el.dataset.bound) { return; }  // the template includes this file once per filter
      el.dataset.bound = "1";
      django.jQuery(el).on("change", function () {
        var value = el.value;
        window.location.search = value
          ? el.dataset.urlTemplate.replace("__value__", encodeURIComponent(value))
          : el.dataset.clearUrl;
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", bind); } else { bind(); }
})();
