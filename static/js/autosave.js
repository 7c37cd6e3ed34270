/* Autosave of submission forms in the browser (localStorage), so nothing typed is lost when a
 * validation error, a crash or an expired session (the POST bounces to the login page) gets in the way.
 *
 * A form opts in with data-autosave="<key>" (its URL path). Every change is saved under that key,
 * debounced. When the page loads and a saved copy differs from what the server rendered, the copy is
 * put back into the fields and a banner says so, with a button to discard it. A page that confirms a
 * save (a success message, data-autosave-saved) clears the copy of the form that was sent.
 */
(function () {
  "use strict";
  var PREFIX = "sherloc-autosave:";
  var SENT = "sherloc-autosave-sent";
  var SKIP = /(^csrfmiddlewaretoken$|-(TOTAL|INITIAL|MIN_NUM|MAX_NUM)_FORMS$|^action$)/;

  function storage() {
    try { var s = window.localStorage; s.setItem(PREFIX + "probe", "1"); s.removeItem(PREFIX + "probe"); return s; }
    catch (e) { return null; }
  }

  function fields(form) {
    return Array.prototype.filter.call(form.elements, function (el) {
      return el.name && !SKIP.test(el.name) && !el.disabled && el.type !== "file" && el.type !== "submit" &&
        el.type !== "button" && !(el.type === "hidden" && /-id$|-law$|-case$/.test(el.name));
    });
  }

  function read(form) {
    var data = {};
    fields(form).forEach(function (el) {
      if (el.type === "checkbox" || el.type === "radio") {
        if (el.checked) { (data[el.name] = data[el.name] || []).push(el.value); }
        else if (!(el.name in data)) { data[el.name] = []; }
      } else if (el.tagName === "SELECT" && el.multiple) {
        data[el.name] = Array.prototype.filter.call(el.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
      } else {
        data[el.name] = el.value;
      }
    });
    return data;
  }

  function write(form, data) {
    fields(form).forEach(function (el) {
      if (!(el.name in data)) { return; }
      var value = data[el.name];
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = Array.isArray(value) && value.indexOf(el.value) !== -1;
      } else if (el.tagName === "SELECT" && el.multiple) {
        Array.prototype.forEach.call(el.options, function (o) { o.selected = value.indexOf(o.value) !== -1; });
      } else {
        el.value = value;
      }
    });
  }

  function banner(form, when, onDiscard) {
    var box = document.createElement("div");
    box.className = "notice autosave-restored";
    box.setAttribute("role", "status");
    var text = document.createElement("p");
    text.textContent = (form.getAttribute("data-autosave-restored") || "Unsaved changes restored") + " (" +
      when.toLocaleString() + ").";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button-secondary";
    button.textContent = form.getAttribute("data-autosave-discard") || "Discard them";
    button.addEventListener("click", onDiscard);
    box.appendChild(text);
    box.appendChild(button);
    form.parentNode.insertBefore(box, form);
  }

  function init(store, form) {
    var key = PREFIX + form.getAttribute("data-autosave");
    var timer = null;
    var saved = document.querySelector("[data-autosave-saved]");
    if (saved) {
      var sent = window.sessionStorage.getItem(SENT);
      if (sent) { store.removeItem(sent); window.sessionStorage.removeItem(SENT); }
      store.removeItem(key);
    }
    var raw = store.getItem(key);
    if (raw) {
      try {
        var copy = JSON.parse(raw);
        if (JSON.stringify(copy.fields) !== JSON.stringify(read(form))) {
          write(form, copy.fields);
          banner(form, new Date(copy.t), function () {
            store.removeItem(key);
            window.location.reload();
          });
        }
      } catch (e) { store.removeItem(key); }
    }
    function save() {
      timer = null;
      store.setItem(key, JSON.stringify({ t: Date.now(), fields: read(form) }));
    }
    function later() { if (timer) { clearTimeout(timer); } timer = setTimeout(save, 600); }
    form.addEventListener("input", later);
    form.addEventListener("change", later);
    form.addEventListener("submit", function () {
      save();
      window.sessionStorage.setItem(SENT, key);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var store = storage();
    if (!store) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-autosave]"), function (form) {
      init(store, form);
    });
  });
})();
