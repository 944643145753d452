/*
 * The card above the search results for a query that names a glossary term
 * (三零: what it means, and the term page with every occurrence) or an indicator
 * (GDP: the comparison across regions). The cards are in the results page
 * itself (#search-cards, written by builder/pages/search_cards.py, each key
 * already folded by builder/search/normalise.py); search/main.js imports this
 * module on the results page only and puts the slot in the page in the same
 * frame as the search form, so the card never pushes the results down.
 *
 * A query is folded by the search's one folding module (search/fold.js), so a
 * card and the search read a query alike: 六穩 is 六稳, ＧＤＰ is gdp,
 * “三零” is 三零. The card is the one whose key is the whole folded query;
 * failing that, the one with the longest key the query contains (三零单位 -> 三零).
 */
import { folding } from "./search/fold.js";

let cards = null;
function load() {
  if (!cards) {
    const data = document.getElementById("search-cards");
    try { cards = data ? JSON.parse(data.textContent) : []; } catch (e) { cards = []; }
  }
  return cards;
}

/** The card for a folded query: { card, exact } or null. */
function find(q) {
  if (!q) return null;
  const exact = load().find((c) => c.keys.includes(q));
  if (exact) return { card: exact, exact: true };
  let best = null, len = 1;
  for (const c of load()) {
    for (const k of c.keys) if (k.length > len && q.includes(k)) { best = c; len = k.length; }
  }
  return best ? { card: best, exact: false } : null;
}

function siteRoot() {
  // the results page is <root>/search/: its parent is the site root, on any host or path
  return location.pathname.replace(/[^/]*$/, "").replace(/search\/$/, "");
}

function draw(slot, hit) {
  slot.textContent = "";
  slot.hidden = !hit;
  if (!hit) return;
  const c = hit.card;
  const card = document.createElement("section");
  card.className = "search-card";
  card.setAttribute("aria-label", `${c.kind}：${c.title}`);
  const head = document.createElement("p");
  head.className = "search-card__head";
  const kind = document.createElement("span");
  kind.className = "search-card__kind";
  kind.textContent = hit.exact ? c.kind : `相关${c.kind}`;
  const title = document.createElement("a");
  title.className = "search-card__title";
  title.href = siteRoot() + c.url;
  title.textContent = c.title;
  head.append(kind, title);
  const text = document.createElement("p");
  text.className = "search-card__text";
  text.textContent = c.text;
  const more = document.createElement("a");
  more.className = "search-card__more";
  more.href = title.href;
  more.textContent = `${c.more} →`;
  card.append(head, text, more);
  slot.appendChild(card);
}

/**
 * The card slot of the results page. `show(query)` resolves once the slot shows the
 * query's card (or nothing); a later call wins over an earlier one still folding.
 */
export function cardSlot() {
  const element = document.createElement("div");
  element.className = "search-card-slot";
  element.setAttribute("aria-live", "polite");
  element.hidden = true;
  let latest = 0;
  async function show(query) {
    const mine = ++latest;
    const f = await (await folding()).prepare(query || "");
    if (mine === latest) draw(element, find(f.fold(query || "").trim()));
  }
  return { element, show };
}
