// The card above the search results for a query that names a glossary term
// (三零: what it means, and the term page with every occurrence) or an indicator
// (GDP: the comparison across regions). The cards are in the results page
// itself (#search-cards, written by builder/pages/search_cards.py), so the card
// is drawn in the page's first frame and never pushes the results down; the
// results themselves are search.js's.
//
// A card matches the whole query, folded simply: Unicode compatibility forms
// (NFKC: full-width letters), no quotes, brackets or spaces, lower case. Failing
// that, the longest term or indicator name the query contains (三零单位 -> 三零).
(function () {
  "use strict";

  var FOLD = /[\s"'“”‘’「」『』《》〈〉（）()\[\]【】〔〕]/g;

  function fold(text) {
    return (text || "").normalize("NFKC").replace(FOLD, "").toLowerCase();
  }

  var cards = null;
  function load() {
    if (cards) return cards;
    var data = document.getElementById("search-cards");
    try { cards = data ? JSON.parse(data.textContent) : []; } catch (e) { cards = []; }
    cards.forEach(function (c) { c.folded = c.keys.map(fold); });
    return cards;
  }

  function find(query) {
    var q = fold(query);
    if (!q) return null;
    var exact = load().filter(function (c) { return c.folded.indexOf(q) >= 0; });
    if (exact.length) return { card: exact[0], exact: true };
    var best = null, len = 1;
    load().forEach(function (c) {
      c.folded.forEach(function (k) {
        if (k.length > len && q.indexOf(k) >= 0) { best = c; len = k.length; }
      });
    });
    return best ? { card: best, exact: false } : null;
  }

  function siteRoot() {
    // the results page is <root>/search/: its parent is the site root, on any host or path
    var here = window.location.pathname.replace(/[^/]*$/, "");
    return here.replace(/search\/$/, "");
  }

  function render(slot, query) {
    var hit = find(query);
    slot.textContent = "";
    slot.hidden = !hit;
    if (!hit) return;
    var c = hit.card;
    var card = document.createElement("section");
    card.className = "search-card";
    card.setAttribute("aria-label", c.kind + "：" + c.title);
    var head = document.createElement("p");
    head.className = "search-card__head";
    var kind = document.createElement("span");
    kind.className = "search-card__kind";
    kind.textContent = hit.exact ? c.kind : "相关" + c.kind;
    var title = document.createElement("a");
    title.className = "search-card__title";
    title.href = siteRoot() + c.url;
    title.textContent = c.title;
    head.append(kind, title);
    var text = document.createElement("p");
    text.className = "search-card__text";
    text.textContent = c.text;
    var more = document.createElement("a");
    more.className = "search-card__more";
    more.href = title.href;
    more.textContent = c.more + " →";
    card.append(head, text, more);
    slot.appendChild(card);
  }

  function mount() {
    var host = document.querySelector("[data-edition-search-page]");
    if (!host || host.querySelector(".search-card-slot")) return;
    var slot = document.createElement("div");
    slot.className = "search-card-slot";
    slot.setAttribute("aria-live", "polite");
    host.insertBefore(slot, host.firstChild);
    render(slot, new URLSearchParams(window.location.search).get("q"));
    var timer = 0;
    host.addEventListener("input", function (event) {
      if (!event.target.matches || !event.target.matches("input[name=q]")) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { render(slot, event.target.value); }, 150);
    });
  }

  mount();  // at once: the script runs after the page's HTML, before search.js draws
  if (typeof document$ !== "undefined") {
    document$.subscribe(mount);  // Material's instant navigation
  }
})();
