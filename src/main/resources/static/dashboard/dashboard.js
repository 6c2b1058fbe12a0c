// Patchbay dashboard: progressive enhancement only; every page works without this file.
(function () {
  "use strict";

  // A refusal or a failed check is announced and brought into view, so neither eyes nor screen readers miss it.
  var alert = document.querySelector("main [role=alert]");
  if (alert) {
    alert.tabIndex = -1;
    alert.scrollIntoView({ block: "center" });
    alert.focus({ preventScroll: true });
  }

  // Tabs inside a page (request/response of a credential check): buttons with aria-controls.
  document.querySelectorAll("[role=tablist]").forEach(function (list) {
    var tabs = Array.prototype.slice.call(list.querySelectorAll("[role=tab]"));
    function select(tab) {
      tabs.forEach(function (t) {
        var on = t === tab;
        t.setAttribute("aria-selected", on ? "true" : "false");
        t.tabIndex = on ? 0 : -1;
        document.getElementById(t.getAttribute("aria-controls")).hidden = !on;
      });
    }
    tabs.forEach(function (tab, i) {
      tab.addEventListener("click", function () { select(tab); });
      tab.addEventListener("keydown", function (e) {
        var next = e.key === "ArrowRight" ? tabs[(i + 1) % tabs.length] : e.key === "ArrowLeft" ? tabs[(i + tabs.length - 1) % tabs.length] : null;
        if (next) { e.preventDefault(); select(next); next.focus(); }
      });
    });
  });

  // The date format's live example: the server formats the current time with the PHP tokens and the zone.
  var format = document.getElementById("date_format");
  var example = document.getElementById("date_format_example");
  var zone = document.getElementById("timezone");
  if (format && example) {
    var timer;
    var refresh = function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var url = example.getAttribute("data-url") + "?format=" + encodeURIComponent(format.value)
          + "&timezone=" + encodeURIComponent(zone ? zone.value : "UTC");
        fetch(url, { credentials: "same-origin" }).then(function (r) { return r.text(); })
          .then(function (text) { example.textContent = text; });
      }, 200);
    };
    format.addEventListener("input", refresh);
    if (zone) { zone.addEventListener("change", refresh); }
  }

  // A removal is enabled only once "confirm" is typed.
  document.querySelectorAll("[data-confirm-input]").forEach(function (input) {
    var button = document.getElementById(input.getAttribute("data-confirm-input"));
    var sync = function () { button.disabled = input.value.trim() !== "confirm"; };
    input.addEventListener("input", sync);
    sync();
  });

  // A connector's colour behind its initial (set here: the content security policy allows no inline style).
  document.querySelectorAll("[data-colour]").forEach(function (el) {
    if (/^#[0-9a-fA-F]{3,8}$/.test(el.getAttribute("data-colour"))) { el.style.background = el.getAttribute("data-colour"); }
  });

  // Live rate-limit and pool state: the panel reloads itself every few seconds, for ten minutes (so an
  // idle open tab does not keep its session alive forever; reload the page to watch again).
  document.querySelectorAll("[data-live]").forEach(function (panel) {
    var left = 120;
    var timer = setInterval(function () {
      if (--left < 0) { clearInterval(timer); return; }
      fetch(panel.getAttribute("data-live"), { credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.text() : null; })
        .then(function (html) { if (html !== null) { panel.innerHTML = html; } });
    }, 5000);
  });
})();
