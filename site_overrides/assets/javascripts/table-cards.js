// 专栏 tables as cards on a phone. A plan's 专栏 table is 800–900 px wide: on a
// 375 px screen its figures sat off screen to the right of the indicator names.
// Below 600 px (reader.css) each row becomes a card that names every figure by
// its column: this script copies each column's header text onto its cells as
// data-label, which the stylesheet prints before the value. Wider screens keep
// the table (it scrolls, with shadows at the edges that have more columns).
//
// Only on a narrow screen (or when a window narrows): a wide screen keeps the
// tables and does no work. Every table at once, not as each comes into view, so
// that find-in-page and a screen reader meet every table in the same form.
// The cost stays small because the tables far from the screen are not drawn
// (reader.css, "Long pages"): their new attributes wait until they are.
(function () {
  "use strict";

  var NARROW = window.matchMedia("screen and (max-width: 37.5em)");  // reader.css's card layout

  function label(table) {
    if (table.dataset.cards || !table.tHead || !table.tHead.rows.length) return;
    // one name per column: a header spanning columns (a 规划目标 over a level and a growth
    // column, builder/pages/markdown.py) names each of them
    var heads = [];
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
      for (var k = 0; k < th.colSpan; k++) heads.push((th.textContent || "").trim());
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
    if (NARROW.matches) Array.prototype.forEach.call(document.querySelectorAll(".corpus-table table"), label);
  }

  NARROW.addEventListener("change", watch);
  if (typeof document$ !== "undefined") {
    document$.subscribe(watch);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", watch);
  }
})();
