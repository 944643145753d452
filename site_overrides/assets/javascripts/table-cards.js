// 专栏 tables as cards on a phone. A plan's 专栏 table is 800–900 px wide: on a
// 375 px screen its figures sat off screen to the right of the indicator names.
// Below 600 px (reader.css) each row becomes a card that names every figure by
// its column: this script copies each column's header text onto its cells as
// data-label, which the stylesheet prints before the value. Wider screens keep
// the table (it scrolls, with shadows at the edges that have more columns).
(function () {
  "use strict";

  function label(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".corpus-table table"), function (table) {
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
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(function () { label(document); });  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", function () { label(document); });
  }
})();
