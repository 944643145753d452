/*
 * Full-text search of the edition, in the browser: the entry point, loaded
 * as a module by main.html. It wires the header box and the results page
 * (search/?q=…) to a View (render.js). The modules, by concern:
 *
 *   fold.js    what a reader types and what the page says, folded alike
 *   index.js   the index files under search/ and a query's candidate units
 *   verify.js  one search: candidates -> hits that contain every term
 *   split.js   the second tier: documents holding every term in different paragraphs
 *   rank.js    the order of documents and hits
 *   filters.js which documents the results page's filters let through
 *   render.js  results on screen (textContent only), the two views
 *   urls.js    where pages and the index live
 *
 * No request leaves the site; corpus text is only ever set as textContent.
 */
import { checkFilters, FILTERS } from "./filters.js";
import { folding } from "./fold.js";
import { manifest } from "./index.js";
import { el, View } from "./render.js";

function debounce(fn, ms) {
  let t = 0;
  return () => { clearTimeout(t); t = setTimeout(fn, ms); };
}

/** Typing: every committed input (an IME commits whole words) searches; composing does not. */
function wire(view, onEnter) {
  const input = view.input;
  const go = debounce(() => view.run(), 60);
  input.addEventListener("input", (e) => { if (!e.isComposing) go(); });
  input.addEventListener("compositionend", go);
  input.addEventListener("keydown", (e) => {
    if (e.isComposing) return;
    if (e.key === "ArrowDown") {
      const first = view.links()[0];
      if (first) { e.preventDefault(); first.focus(); }
    } else if (e.key === "Enter" && onEnter) {
      e.preventDefault();
      onEnter();
    }
  });
  view.output.addEventListener("keydown", (e) => {
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const links = view.links();
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    if (e.key === "ArrowUp" && i === 0) input.focus();
    else links[Math.min(links.length - 1, Math.max(0, i + (e.key === "ArrowDown" ? 1 : -1)))].focus();
  });
}

/* ---------- the header box ---------- */

function mountHeader() {
  const box = document.querySelector("[data-edition-search]");
  if (!box) return;
  const toggle = document.getElementById("__search");
  const input = box.querySelector("[data-edition-search-input]");
  const view = new View(box.querySelector("[data-edition-search-output]"), input);
  const resultsUrl = () => {
    const url = new URL(box.dataset.editionResultsUrl, location.href);
    url.searchParams.set("q", input.value.trim());
    return url.href;
  };
  const open = () => { toggle.checked = true; input.focus(); manifest().catch(() => {}); };
  const close = () => { toggle.checked = false; input.blur(); };
  wire(view, async () => {
    const query = input.value;
    if ((await (await folding()).prepare(query)).terms(query).length) location.href = resultsUrl();
  });
  input.addEventListener("focus", () => { toggle.checked = true; manifest().catch(() => {}); });
  box.querySelector("form").addEventListener("reset", () => setTimeout(() => view.run(), 0));
  box.querySelector("form").addEventListener("submit", (e) => e.preventDefault());
  toggle.addEventListener("change", () => { if (toggle.checked) setTimeout(() => input.focus(), 50); });
  box.addEventListener("click", (e) => { if (e.target.closest("a")) close(); });
  document.addEventListener("keydown", (e) => {
    if (e.key === "Escape" && toggle.checked) { close(); return; }
    const t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing) return;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    if (e.key === "/" || e.key === "s" || e.key === "S") { e.preventDefault(); open(); }
  });
  box.dataset.ready = "1";  // listening (tests and search-eval wait for it)
}

/* ---------- the results page: search/?q=…, with filters ---------- */

async function mountPage() {
  const host = document.querySelector("[data-edition-search-page]");
  if (!host || host.dataset.mounted) return;
  host.dataset.mounted = "1";
  const params = new URLSearchParams(location.search);
  // The term or indicator card (../search-card.js, loaded here only): drawn before the
  // form is, in the same frame, so it never pushes what is already on screen down.
  const { cardSlot } = await import("../search-card.js");
  const card = cardSlot();
  await card.show(params.get("q")).catch(() => {});
  const form = el("form", "edition-search-form");
  const input = el("input", "md-input edition-search-form__input");
  Object.assign(input, { type: "search", name: "q", value: params.get("q") || "", placeholder: "短语、地区、指标；空格分隔多个词" });
  input.setAttribute("aria-label", "搜索全文");
  form.append(input);
  const filters = el("div", "edition-search-filters");
  const problems = el("div", "edition-search-filter-problems");
  problems.setAttribute("role", "status");
  const output = el("div", "md-search-result edition-search-page__results");
  output.append(el("div", "md-search-result__meta", "输入词语或短语；空格分隔的几个词须同时出现"), el("ol", "md-search-result__list"));
  host.append(form, filters, card.element, problems, output);
  const m = await manifest();
  const { valid, unknown } = checkFilters(m, params);
  const select = ({ name, label }) => {
    const s = el("select", "edition-search-filter");
    s.name = name;
    s.setAttribute("aria-label", label);
    s.append(new Option(`全部${label}`, ""), ...valid[name].map((v) => new Option(v, v)));
    s.value = unknown.some((u) => u.name === name) ? "" : params.get(name) || "";
    filters.append(s);
    return s;
  };
  const selects = FILTERS.map(select);
  // A value the edition does not have is said so, with the values it has; the search runs without it.
  for (const u of unknown) {
    const p = el("p", "edition-search-filter-problem");
    p.dataset.filter = u.name;
    p.append(`没有${u.label}为“${u.value}”的文件，已按全部${u.label}搜索。可选：`);
    u.valid.forEach((v, i) => {
      const a = el("a", "edition-search-filter-choice", v);
      const url = new URL(location.href);
      url.searchParams.set(u.name, v);
      a.href = url.href;
      p.append(i ? "、" : "", a);
    });
    problems.append(p);
  }
  const filtersOf = () => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
  const view = new View(output, input, filtersOf);
  const remember = () => {
    problems.replaceChildren();
    const url = new URL(location.href);
    url.search = "";
    if (input.value.trim()) url.searchParams.set("q", input.value.trim());
    for (const [k, v] of Object.entries(filtersOf())) url.searchParams.set(k, v);
    history.replaceState(history.state, "", url.href);
  };
  wire(view, () => { remember(); view.run(); });
  input.addEventListener("input", remember);
  const showCard = debounce(() => card.show(input.value).catch(() => {}), 150);
  input.addEventListener("input", showCard);
  form.addEventListener("submit", (e) => e.preventDefault());
  for (const s of selects) s.addEventListener("change", () => { remember(); view.run(); });
  if (input.value) view.run();
}

mountHeader();
const mount = () => { mountPage().catch(() => {}); };
if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
else mount();
