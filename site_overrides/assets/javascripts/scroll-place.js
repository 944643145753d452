// Back to the paragraph the reader left, not only to the pixel.
//
// Long pages draw only the blocks near the screen (reader.css, "Long pages":
// content-visibility); the others take an estimated height until they are
// drawn. The browser's back button
// restores the old scroll offset in pixels, which over estimated heights is
// another paragraph. So while the reader scrolls, this remembers (per page, in
// sessionStorage) which block of the text is at the top of the screen and how
// far it sits from the header; when the page comes back by the back or forward
// button, it puts that block there again.
(function () {
  "use strict";

  var KEY = "edition.place:";
  var BLOCKS = ".md-content__inner > [id]";
  var popped = false;  // the page being shown comes from history (back or forward)

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  // The first block of the text whose bottom is below the header: one binary search
  // over the blocks, in document order (only their boxes are read, never laid out anew).
  function topBlock() {
    var blocks = document.querySelectorAll(BLOCKS);
    var top = headerBottom(), lo = 0, hi = blocks.length - 1, found = null;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (blocks[mid].getBoundingClientRect().bottom > top) { found = blocks[mid]; hi = mid - 1; } else { lo = mid + 1; }
    }
    return found ? { id: found.id, offset: found.getBoundingClientRect().top - top } : null;
  }

  var timer = 0;
  function remember() {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      var place = window.scrollY > 0 ? topBlock() : null;
      try {
        if (place) window.sessionStorage.setItem(KEY + location.pathname, JSON.stringify(place));
        else window.sessionStorage.removeItem(KEY + location.pathname);
      } catch (e) { /* storage off: the pixel offset alone */ }
    }, 200);
  }

  function restore() {
    var place = null;
    try { place = JSON.parse(window.sessionStorage.getItem(KEY + location.pathname) || "null"); } catch (e) { place = null; }
    var block = place && document.getElementById(place.id);
    if (!block) return;
    window.scrollBy(0, block.getBoundingClientRect().top - headerBottom() - place.offset);
  }

  // After the browser's or Material's own restoring (both scroll first, then settle).
  function restoreSoon() {
    window.requestAnimationFrame(function () { window.requestAnimationFrame(restore); });
  }

  window.addEventListener("scroll", remember, { passive: true });
  window.addEventListener("popstate", function () { popped = true; });
  document.addEventListener("click", function () { popped = false; }, true);

  var nav = window.performance && performance.getEntriesByType ? performance.getEntriesByType("navigation")[0] : null;
  var first = true;
  function shown() {
    var back = first ? nav && nav.type === "back_forward" : popped;
    first = false;
    popped = false;
    if (!back) return;
    if (document.readyState === "complete") restoreSoon();
    else window.addEventListener("load", restoreSoon, { once: true });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(shown);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", shown);
  }
})();
