// The edition's one tooltip for glossary terms (a.term) and indicator marks
// (a.ind-mark) in the text.
//
// Material's content.tooltips is off (mkdocs.yml): on a phone it opened its
// own tooltip over this popup on every tap, and on a long page it processed
// every title attribute at load. Term links carry no title (a browser
// tooltip would be a second one); their address names the term and sense
// (glossary/<term>/#sense-<sense>: no attributes repeat it, they were 40 KB
// of the document pages), and the text is in glossary/tips.json, one small
// file for every page ({term: {sense: text}}), fetched once when a page has
// term links (it is cached for the next pages).
//
// Indicator marks carry no title either (it was 42 KB of the document pages,
// and a second tooltip): the popup says which indicator, period and reading a
// mark is from the document's own 主要指标 table (builder/pages/indicators.py,
// at the end of the same page), which has a row per record whose name links to
// the same period page as the mark, with the reading under 实际 or 目标 and the
// paragraph as 出处 (#p-N: the mark's own, or for a mark in a 专栏 table the
// paragraph before it, its caption); the period is the heading over the table.
//
// - Mouse: hovering a term shows the popup; leaving term and popup hides it.
// - Keyboard: focusing a term shows it; Escape or moving on hides it.
// - Touch: the first tap shows it (a finger has no hover, and the first tap
//   would otherwise navigate before the reader saw anything); tapping the same
//   term or mark again, or the popup's link, opens its page; tapping elsewhere
//   closes it.
(function () {
  "use strict";

  var tip = null;        // the popup element, created once per page
  var owner = null;      // the term link the popup belongs to
  var lastPointer = "";  // pointerType of the last pointerdown ("touch", "mouse", "pen")
  var hideTimer = 0;
  // ../../glossary/tips.json from assets/javascripts/glossary.js: the site root, wherever it is published
  var tipsUrl = new URL("../../glossary/tips.json", document.currentScript.src).href;
  var tips = null;       // a promise of the texts, asked for once

  function loadTips() {
    if (!tips) {
      tips = fetch(tipsUrl).then(function (response) {
        return response.ok ? response.json() : {};
      }).catch(function () { return {}; });
    }
    return tips;
  }

  function prefetch() {
    if (document.querySelector("a.term")) {  // not for indicator marks alone: their text is in the page
      loadTips();
    }
  }

  function close() {
    window.clearTimeout(hideTimer);
    if (tip) {
      tip.hidden = true;
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
    }
    owner = null;
  }

  function closeSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(close, 250);
  }

  function open(link) {
    window.clearTimeout(hideTimer);
    if (owner === link && tip && !tip.hidden) {
      return;
    }
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.className = "glossary-tip";
      tip.setAttribute("role", "tooltip");
      tip.id = "glossary-tip";
      tip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      tip.addEventListener("mouseleave", closeSoon);
      document.body.appendChild(tip);
    }
    if (owner) {
      owner.removeAttribute("aria-describedby");
    }
    tip.textContent = "";
    var term = document.createElement("strong");
    var body = document.createElement("span");
    var more = document.createElement("a");
    more.href = link.href;
    if (link.classList.contains("ind-mark")) {
      var reading = readingOf(link);
      term.textContent = reading ? reading.name : link.textContent;
      body.textContent = reading ? "：" + reading.text : "";
      more.textContent = "查看各地对照 →";
    } else {
      term.textContent = link.textContent;
      body.textContent = "：";
      loadTips().then(function (all) {
        var named = termAndSense(link);
        var senses = Object.prototype.hasOwnProperty.call(all, named.term) ? all[named.term] : {};
        body.textContent = "：" + (Object.prototype.hasOwnProperty.call(senses, named.sense) ? senses[named.sense] : "");
      });
      more.textContent = "查看词条 →";
    }
    tip.append(term, body, document.createElement("br"), more);
    tip.hidden = false;
    var box = link.getBoundingClientRect();
    var width = Math.min(320, document.documentElement.clientWidth - 16);
    tip.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(box.left + window.scrollX,
                                    window.scrollX + document.documentElement.clientWidth - width - 8));
    tip.style.left = left + "px";
    tip.style.top = (box.bottom + window.scrollY + 6) + "px";
    link.setAttribute("aria-describedby", "glossary-tip");
    owner = link;
  }

  function termOf(target) {
    return target && target.closest ? target.closest("a.term, a.ind-mark") : null;
  }

  // The paragraph a mark's record names as 出处: the mark's own, or a 专栏 table's caption (the
  // last paragraph before the table, as builder/pages/indicators.py's _caption finds it).
  function anchorOf(link) {
    var block = link.closest("p[id], .corpus-table");
    while (block && !(block.matches("p[id]") && /^p-\d+$/.test(block.id))) {
      block = block.previousElementSibling;
    }
    return block ? "#" + block.id : "";
  }

  // {name: "地区生产总值", text: "2021年目标 · 增长8%以上"} for a mark, from the page's 主要指标
  // table (see the top of this file); null when no row links where the mark does.
  function readingOf(link) {
    var href = link.getAttribute("href");
    var anchor = anchorOf(link);
    var found = null;
    var figures = [];
    Array.prototype.forEach.call(document.querySelectorAll(".ind-table tbody tr"), function (row) {
      var name = row.cells[0] && row.cells[0].querySelector("a");
      if (!name || name.getAttribute("href") !== href) return;
      var col = [1, 2].filter(function (i) { return row.cells[i] && row.cells[i].textContent.trim(); })[0];
      if (!col) return;
      if (!found) found = { row: row, col: col };
      var source = row.cells[row.cells.length - 1].querySelector("a");
      var figure = row.cells[col].textContent.trim();
      if (source && source.getAttribute("href") === anchor && figures.indexOf(figure) < 0) figures.push(figure);
    });
    if (!found) return null;
    var table = found.row.closest("table");
    var kind = table.tHead ? table.tHead.rows[0].cells[found.col].textContent.trim() : "";
    var heading = found.row.closest(".ind-table").previousElementSibling;
    var period = heading && /^H\d$/.test(heading.tagName) && heading.firstChild ? heading.firstChild.textContent.trim() : "";
    // the reading when the paragraph has one for this indicator and period, or of two the one
    // that holds the mark's text (460亿元以上 and 突破500亿元, both 2025年目标, in one paragraph)
    if (figures.length > 1) {
      figures = figures.filter(function (f) { return f.indexOf(link.textContent.trim()) >= 0; });
    }
    var text = period + kind + (figures.length === 1 ? " · " + figures[0] : "");
    return { name: found.row.cells[0].textContent.trim(), text: text };
  }

  // glossary/liuwen/#sense-main -> {term: "liuwen", sense: "main"}: the term page's last path
  // segment (glossary/liuwen/, or glossary/liuwen.html without directory URLs) and the anchor
  function termAndSense(link) {
    var path = link.pathname.replace(/\/(index\.html)?$/, "").replace(/\.html$/, "");
    var hash = link.hash.replace(/^#sense-/, "");
    return { term: decodeURIComponent(path.slice(path.lastIndexOf("/") + 1)), sense: decodeURIComponent(hash) };
  }

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "";
  }, true);

  document.addEventListener("mouseover", function (event) {
    var link = termOf(event.target);
    if (link && lastPointer !== "touch") {
      open(link);
    }
  });

  document.addEventListener("mouseout", function (event) {
    var link = termOf(event.target);
    if (link && link === owner && lastPointer !== "touch" && !(tip && tip.contains(event.relatedTarget))) {
      closeSoon();
    }
  });

  document.addEventListener("focusin", function (event) {
    var link = termOf(event.target);
    if (link) {
      open(link);
    } else if (owner && !(tip && tip.contains(event.target))) {
      close();
    }
  });

  document.addEventListener("click", function (event) {
    var link = termOf(event.target);
    if (!link) {
      if (tip && !tip.hidden && !(tip.contains(event.target))) {
        close();
      }
      return;
    }
    var touch = lastPointer === "touch" || (lastPointer === "" && window.matchMedia("(hover: none)").matches);
    if (!touch || (owner === link && tip && !tip.hidden && link.dataset.tapped === "1")) {
      delete link.dataset.tapped;
      close();  // a mouse click, or the second tap: follow the link
      return;
    }
    event.preventDefault();
    event.stopPropagation();  // keep Material's instant navigation from loading the page
    open(link);
    link.dataset.tapped = "1";
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
    }
  });

  // Material's instant navigation swaps the page content: drop a popup left open.
  if (typeof document$ !== "undefined") {
    document$.subscribe(function () {
      close();
      prefetch();
    });
  } else {
    prefetch();
  }
})();
