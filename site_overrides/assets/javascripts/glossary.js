// The edition's one tooltip for glossary terms in the text (a.term).
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
// - Mouse: hovering a term shows the popup; leaving term and popup hides it.
// - Keyboard: focusing a term shows it; Escape or moving on hides it.
// - Touch: the first tap shows it (a finger has no hover, and the first tap
//   would otherwise navigate before the reader saw anything); tapping the same
//   term again, or the popup's link, opens the term page; tapping elsewhere
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
    if (document.querySelector("a.term")) {
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
    term.textContent = link.textContent;
    var body = document.createElement("span");
    body.textContent = "：";
    loadTips().then(function (all) {
      var named = termAndSense(link);
      var senses = Object.prototype.hasOwnProperty.call(all, named.term) ? all[named.term] : {};
      body.textContent = "：" + (Object.prototype.hasOwnProperty.call(senses, named.sense) ? senses[named.sense] : "");
    });
    var more = document.createElement("a");
    more.href = link.href;
    more.textContent = "查看词条 →";
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
    return target && target.closest ? target.closest("a.term") : null;
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
