// Sortable indicator tables (div.ind-table): click or press Enter on a header to
// sort by that column, again to reverse. Numbers sort as numbers ("—" last),
// text in Chinese collation. Run on Material's document$ (once a page; per page, were instant
// navigation on: mkdocs.yml says why it is off).
(function () {
  "use strict";

  function key(cell) {
    var text = (cell.textContent || "").trim();
    var num = parseFloat(text.replace(/[^0-9.+-]/g, ""));
    if (text === "" || text === "—") return { empty: true };
    return /^[-+]?\d/.test(text) ? { num: num } : { text: text };
  }

  function compare(a, b) {
    if (a.empty || b.empty) return (a.empty ? 1 : 0) - (b.empty ? 1 : 0);
    if (a.num !== undefined && b.num !== undefined) return a.num - b.num;
    return String(a.text || a.num).localeCompare(String(b.text || b.num), "zh-Hans-CN");
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var asc = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (r1, r2) {
      var a = key(r1.cells[index]), b = key(r2.cells[index]);
      var c = compare(a, b);
      return a.empty || b.empty ? c : (asc ? c : -c);
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
  }

  function init() {
    var tables = document.querySelectorAll(".ind-table table");
    Array.prototype.forEach.call(tables, function (table) {
      if (!table.tHead || table.dataset.sortable) return;
      table.dataset.sortable = "1";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
        th.tabIndex = 0;
        th.title = "点击排序";
        th.addEventListener("click", function () { sortBy(table, index, th); });
        th.addEventListener("keydown", function (e) {
          if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sortBy(table, index, th); }
        });
      });
    });
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
