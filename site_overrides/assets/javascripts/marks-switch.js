// 隐藏标注: a switch that turns the glossary and indicator marks in the running
// text off (and on again), for a reader who wants the text as it was printed.
// The choice is kept in localStorage, so it holds on every document page until
// switched back.
(function () {
  "use strict";

  var KEY = "edition.marks";
  var root = document.documentElement;

  function off() {
    try { return window.localStorage.getItem(KEY) === "off"; } catch (e) { return false; }
  }

  function apply() {
    var hidden = off();
    root.classList.toggle("marks-off", hidden);
    Array.prototype.forEach.call(document.querySelectorAll("[data-marks-switch]"), function (b) {
      b.setAttribute("aria-pressed", hidden ? "true" : "false");
      b.textContent = hidden ? "显示标注" : "隐藏标注";
    });
  }

  document.addEventListener("click", function (event) {
    var b = event.target.closest ? event.target.closest("[data-marks-switch]") : null;
    if (!b) return;
    try { window.localStorage.setItem(KEY, off() ? "on" : "off"); } catch (e) { /* private mode */ }
    apply();
  });

  apply();
  if (typeof document$ !== "undefined") {
    document$.subscribe(apply);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", apply);
  }
})();
