// The glossary index's filter box: typing 六稳, liu wen, liuwen, liù wěn or English
// shows only the terms whose characters, pinyin or English rendering contain it.
// Without JavaScript the full list stays visible.
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setUp() {
    var box = document.getElementById("glossary-filter");
    if (!box || box.dataset.ready) {
      return;
    }
    box.dataset.ready = "1";
    var items = Array.prototype.slice.call(document.querySelectorAll(".glossary-entry"));
    var count = document.getElementById("glossary-filter-count");
    var none = document.getElementById("glossary-filter-none");
    var keys = items.map(function (li) { return fold(li.getAttribute("data-filter") || ""); });

    function apply() {
      var q = fold(box.value);
      var squeezed = q.replace(/ /g, "");
      var shown = {};
      items.forEach(function (li, i) {
        var hit = !q || keys[i].indexOf(q) >= 0 || (squeezed && keys[i].indexOf(squeezed) >= 0);
        li.hidden = !hit;
        if (hit) {
          shown[li.querySelector("a").getAttribute("href")] = true;
        }
      });
      document.querySelectorAll(".glossary-list").forEach(function (ul) {
        var visible = ul.querySelector(".glossary-entry:not([hidden])") !== null;
        ul.hidden = !visible;
        var heading = ul.previousElementSibling;
        if (heading && /^H[2-4]$/.test(heading.tagName)) {
          heading.hidden = !visible;
        }
      });
      var n = Object.keys(shown).length;
      if (count) {
        count.textContent = q ? n + " 条" : "";
      }
      if (none) {
        none.hidden = !q || n > 0;
      }
    }

    box.addEventListener("input", apply);
    apply();
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUp);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", setUp);
  }
})();
