// Material's back-to-top button (navigation.top) only once the reader scrolls the page
// themselves (reader.css, "Back to top" says why): the first wheel, touch, key or pointer
// press marks <html>, and from then on Material's own rule applies (shown while the
// reader scrolls up). Scrolls the page makes by itself, landing on #p-37 or being brought
// back by scroll-place.js, mark nothing.
(function () {
  "use strict";

  var root = document.documentElement;
  var inputs = ["wheel", "touchmove", "keydown", "pointerdown"];

  function readerScrolls() {
    root.classList.add("edition-reader-scrolled");
    inputs.forEach(function (type) { window.removeEventListener(type, readerScrolls, true); });
  }

  inputs.forEach(function (type) {
    window.addEventListener(type, readerScrolls, { capture: true, passive: true });
  });
})();
