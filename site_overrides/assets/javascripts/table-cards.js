// 专栏 tables as cards on a phone. A plan's 专栏 table is 800–900 px wide: on a
// 375 px screen its figures sat off screen to the right of the indicator names.
// Below 600 px (reader.css) each row becomes a card that names every figure by
// its column: this script copies each column's header text onto its cells as
// data-label, which the stylesheet prints before the value. Wider screens keep
// the table (it scrolls, with shadows at the edges that have more columns).
//
// The work is done where it is seen: only on a narrow screen (or when a window
// narrows), and for each table only as it comes within a screen of the viewport
// (a plan has 35 such tables and 1,300 cells; labelling them all at load was a
// long task on a phone).
(function () {
  "use strict";

  var NARROW = window.matchMedia("screen and (max-width: 37.5em)");  // reader.css's card layout
  var observer = null;

  function label(table) {
    if (table.dataset.cards || !table.tHead || !table.tHead.rows.length) return;
    // a blank header continues the one before it (a 规划目标 over a level and a growth column)
    var last = "";
    var heads = Array.prototype.map.call(table.tHead.rows[0].cells, function (th) {
      last = (th.textContent || "").trim() || last;
      return last;
    });
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, i) {
          if (heads[i]) cell.setAttribute("data-label", heads[i]);
          var text = (cell.textContent || "").trim();
          if (!text || text === "—") cell.setAttribute("data-empty", "");
        });
      });
    });
    table.dataset.cards = "1";
  }

  function watch() {
    if (!NARROW.matches) return;
    var tables = document.querySelectorAll(".corpus-table table:not([data-cards])");
    if (!("IntersectionObserver" in window)) {
      Array.prototype.forEach.call(tables, label);
      return;
    }
    if (observer) observer.disconnect();  // a new page (instant navigation) or a narrowed window
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        label(entry.target);
      });
    }, { rootMargin: "100% 0px" });
    Array.prototype.forEach.call(tables, function (table) { observer.observe(table); });
  }

  NARROW.addEventListener("change", watch);
  if (typeof document$ !== "undefined") {
    document$.subscribe(watch);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", watch);
  }
})();
