// Glossary terms on touch screens: a tap shows the expansion, a second tap opens the term page.
//
// On a mouse, Material's tooltips (theme feature content.tooltips) show a
// term link's title on hover. A finger has no hover: the first tap on a
// term would navigate before the reader saw anything. So on a touch tap the
// first tap opens a small popup with the expansion and a link to the term
// page; tapping the same term again, or the popup's link, opens the page;
// tapping elsewhere or pressing Escape closes it.
(function () {
  "use strict";

  var tip = null;        // the popup element, created once per page
  var owner = null;      // the term link the popup belongs to
  var lastPointer = "";  // pointerType of the last pointerdown ("touch", "mouse", "pen")

  function close() {
    if (tip) {
      tip.hidden = true;
    }
    owner = null;
  }

  function open(link) {
    if (!tip || !document.body.contains(tip)) {
      tip = document.createElement("div");
      tip.className = "glossary-tip";
      tip.setAttribute("role", "tooltip");
      tip.id = "glossary-tip";
      document.body.appendChild(tip);
    }
    var text = link.getAttribute("data-tip") || link.getAttribute("title") || "";
    tip.textContent = "";
    var term = document.createElement("strong");
    term.textContent = link.textContent;
    var body = document.createElement("span");
    body.textContent = "：" + text;
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

  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType || "";
  }, true);

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.term") : null;
    if (!link) {
      if (tip && !tip.hidden && !(tip.contains(event.target))) {
        close();
      }
      return;
    }
    var touch = lastPointer === "touch" || window.matchMedia("(hover: none)").matches;
    if (!touch || owner === link) {
      close();  // a mouse click, or the second tap: follow the link
      return;
    }
    event.preventDefault();
    event.stopPropagation();  // keep Material's instant navigation from loading the page
    open(link);
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      close();
    }
  });

  // Material's instant navigation swaps the page content: drop a popup left open.
  if (typeof document$ !== "undefined") {
    document$.subscribe(close);
  }
})();
