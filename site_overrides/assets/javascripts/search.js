/*
 * Full-text search of the edition, in the browser, over the index that
 * builder/search/index.py writes under search/ (read its docstring first).
 *
 * A query is cut into terms (spaces; quotes dropped), each term into
 * character pairs; the shards holding those pairs are fetched, their
 * posting lists intersected into candidate units (title, heading,
 * paragraph, table), and the candidates' text fetched in chunks and
 * checked for every term as a substring. Only units that contain the
 * query are shown: a hit is never a guess. jieba's word lengths (stored per
 * unit) rank hits that stand as words above hits inside longer words.
 *
 * fold() and queryTerms() repeat builder/search/normalise.py rule for rule.
 * No request leaves the site; corpus text is only ever set as textContent.
 */
(() => {
  "use strict";

  const SCRIPT = document.currentScript;
  const ROOT = new URL("../../", SCRIPT.src);
  const BASE = new URL("search/", ROOT);
  const DOCS_PER_SCREEN = 10;   // documents verified per screen of results
  const HITS_PER_DOC = 2;       // hits shown per document before "more in this document"
  const CHUNKS_PER_DOC = 3;     // text chunks fetched per document per screen, at most
  const CHUNKS_PER_SCREEN = 30; // text chunks fetched per screen, at most (about 4 KB each)

  /* ---------- normalisation (builder/search/normalise.py) ---------- */

  const QUOTES = "\"'“”‘’「」『』〝〞＂＇";
  const ZERO = { "○": "〇", "◯": "〇" };

  function foldChar(c) {
    const code = c.charCodeAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCharCode(code - 0xfee0);
    else if (c === "\u3000") c = " ";
    c = ZERO[c] || c;
    return c >= "A" && c <= "Z" ? c.toLowerCase() : c;
  }

  /** Same length in UTF-16 units as the input, so offsets carry over. */
  function fold(text) {
    let out = "";
    for (const c of text) out += c.length === 1 ? foldChar(c) : c;
    return out;
  }

  function queryTerms(query) {
    let text = fold(query);
    for (const q of QUOTES) text = text.split(q).join(" ");
    const terms = [];
    for (const t of text.trim().split(/\s+/)) if (t && !terms.includes(t)) terms.push(t);
    return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
  }

  function grams(term) {
    const cps = Array.from(term);
    if (cps.length === 1) return cps;
    const out = [];
    for (let i = 0; i + 1 < cps.length; i++) out.push(cps[i] + cps[i + 1]);
    return out;
  }

  /* ---------- index files ---------- */

  const cache = new Map();
  function fetchText(path) {
    const url = new URL(path, BASE).href;
    if (!cache.has(url)) {
      const p = fetch(url).then((r) => {
        if (!r.ok) throw new Error(`${url}: ${r.status}`);
        return r.text();
      });
      p.catch(() => cache.delete(url));
      cache.set(url, p);
    }
    return cache.get(url);
  }
  const parsed = new Map();
  function once(key, make) {
    if (!parsed.has(key)) {
      const p = make();
      p.catch(() => parsed.delete(key));
      parsed.set(key, p);
    }
    return parsed.get(key);
  }

  const manifest = () => once("manifest", () => fetchText("manifest.json").then(JSON.parse));

  function fnv1a(text) {
    let h = 0x811c9dc5;
    for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
    return h >>> 0;
  }

  function decodeGaps(text) {
    const ids = [];
    let prev = 0;
    for (const part of text.split(",")) {
      prev += parseInt(part, 36);
      ids.push(prev);
    }
    return ids;
  }

  function shard(n) {
    return once(`g${n}`, () => fetchText(`g/${n}.txt`).then((text) => {
      const map = new Map();
      for (const line of text.split("\n")) {
        if (!line) continue;
        const [gram, df, post] = line.split("\t");
        map.set(gram, { gram, df: +df, post });
      }
      return map;
    }));
  }

  /** { gram, df, ids } for a list kept in its shard; { gram, df, span, ranges, hash } for one written
   *  apart in pages of `span` units each (only the ranges in `ranges` hold postings); null if absent. */
  async function lookup(gram) {
    const m = await manifest();
    const h = fnv1a(gram);
    const entry = (await shard(h % m.shards)).get(gram);
    if (!entry) return null;
    if (!entry.post.startsWith("@")) return { gram, df: entry.df, ids: decodeGaps(entry.post) };
    const [shift, ranges] = entry.post.slice(1).split(":");
    return { gram, df: entry.df, span: m.range * 2 ** +shift, hash: h,
      ranges: new Set(ranges.split(",").map((k) => parseInt(k, 36))) };
  }

  function page(entry, k) {
    const name = `p/${entry.hash.toString(16).padStart(8, "0")}-${k}.txt`;
    return once(name, () => fetchText(name).then(decodeGaps));
  }

  function chunk(n) {
    return once(`t${n}`, () => fetchText(`t/${n}.json`).then(JSON.parse));
  }

  function intersect(a, b) {
    const out = [];
    let i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
    }
    return out;
  }

  /* ---------- one search ---------- */

  class Search {
    constructor(query, filters) {
      this.query = query;
      this.terms = queryTerms(query);
      this.filters = filters || {};
      this.docs = [];        // [{doc, uids, next, hits, score}] in verification order
      this.cursor = 0;       // next document to verify
      this.shown = [];       // verified documents with hits
      this.paged = [];       // grams whose lists are read one range of units at a time
      this.window = 0;       // next range of units to read, in units of this.span
      this.complete = true;  // every candidate unit is known
      this.groupOf = new Map();
      this.deferred = [];    // documents read in part without a hit yet
    }

    async start() {
      this.m = await manifest();
      if (!this.terms.length) return this;
      const all = [...new Set(this.terms.flatMap(grams))];
      const entries = await Promise.all(all.map(lookup));
      if (entries.some((e) => !e)) return this;
      entries.sort((a, b) => a.df - b.df);
      this.filterLists = entries.filter((e) => e.ids);
      this.paged = entries.filter((e) => !e.ids);
      if (entries[0].ids) {
        this.addCandidates(entries[0].ids);  // the rarest list is whole: candidates are known at once
      } else {
        this.span = Math.min(...this.paged.map((e) => e.span));
        this.windows = Math.ceil(this.m.units / this.span);
        this.complete = false;
        await this.nextPage();
      }
      return this;
    }

    /** Intersect the paged lists over the next ranges of units, until new documents turn up. */
    async nextPage() {
      const before = this.docs.length;
      while (this.window < this.windows && this.docs.length === before) {
        const start = this.window * this.span;
        const end = start + this.span;
        this.window += 1;
        const ks = this.paged.map((e) => Math.floor(start / e.span));
        if (this.paged.some((e, i) => !e.ranges.has(ks[i]))) continue;  // a gram absent from the range
        const lists = await Promise.all(this.paged.map((e, i) => page(e, ks[i])));
        let ids = lists[0].filter((u) => u >= start && u < end);
        for (const list of lists.slice(1)) ids = intersect(ids, list);
        this.addCandidates(ids);
      }
      this.complete = this.window >= this.windows;
    }

    docOf(uid) {
      const docs = this.m.docs;
      let lo = 0, hi = docs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (docs[mid][0] <= uid) lo = mid; else hi = mid - 1;
      }
      return lo;
    }

    accepts(d) {
      const [, region, type, year] = this.m.docs[d];
      const f = this.filters;
      const [name, prefecture] = this.m.regions[region];
      return (!f.prefecture || f.prefecture === prefecture) && (!f.region || f.region === name)
        && (!f.type || f.type === this.m.types[type]) && (!f.year || +f.year === year);
    }

    /** Documents whose region is named by the query rank first: 离石区, 离石. */
    regionNamed(d) {
      const [name, prefecture] = this.m.regions[this.m.docs[d][1]];
      const bare = (n) => n.length > 2 ? n.replace(/[市县区]$/, "") : n;
      return this.terms.some((t) => t === name || t === bare(name) || t === prefecture || t === bare(prefecture));
    }

    addCandidates(ids) {
      for (const e of this.filterLists) ids = intersect(ids, e.ids);
      const groups = new Map();
      for (const uid of ids) {
        const d = this.docOf(uid);
        if (!this.accepts(d)) continue;
        if (!groups.has(d)) groups.set(d, []);
        groups.get(d).push(uid);
      }
      const fresh = [];
      for (const [d, uids] of groups) {
        const known = this.groupOf.get(d);
        if (known) { known.uids.push(...uids); continue; }
        const title = uids[0] === this.m.docs[d][0];
        const prior = (title ? 1000 : 0) + (this.regionNamed(d) ? 500 : 0) + uids.length;
        fresh.push({ doc: d, uids, next: 0, hits: [], prior, score: 0 });
      }
      fresh.sort((a, b) => b.prior - a.prior || a.doc - b.doc);
      for (const g of fresh) this.groupOf.set(g.doc, g);
      this.docs.push(...fresh);
    }

    get candidates() {
      return this.docs.length;
    }

    get exhausted() {
      return this.cursor >= this.docs.length && this.complete && !this.deferred.length;
    }

    /** Verify the next screen of documents; returns the documents with hits. */
    /** Ask for the chunks the next screen will read all at once, not one round trip after another. */
    prefetch() {
      const size = this.m.chunk;
      for (const g of this.docs.slice(this.cursor, this.cursor + DOCS_PER_SCREEN)) {
        const wanted = new Set(g.uids.slice(g.next, g.next + HITS_PER_DOC).map((u) => Math.floor(u / size)));
        for (const n of wanted) chunk(n).catch(() => {});
      }
    }

    /** Verify the next screen of documents; returns the documents with hits.
     *  A document whose first candidates are not the phrase (111 has only the pair 11) waits in
     *  `deferred` instead of being read to the end now, and a screen reads at most
     *  CHUNKS_PER_SCREEN chunks: the bytes of a screen stay bounded, later screens go on. */
    async more() {
      const batch = [];
      let budget = CHUNKS_PER_SCREEN;
      this.prefetch();
      while (batch.length < DOCS_PER_SCREEN && budget > 0) {
        let group;
        if (this.cursor < this.docs.length) {
          group = this.docs[this.cursor++];
        } else if (!this.complete) {
          await this.nextPage();
          this.prefetch();
          continue;
        } else if (this.deferred.length) {
          group = this.deferred.shift();
        } else {
          break;
        }
        budget -= await this.verify(group, HITS_PER_DOC, Math.min(CHUNKS_PER_DOC, budget));
        if (group.hits.length) batch.push(group);
        else if (group.next < group.uids.length) this.deferred.push(group);
      }
      batch.sort((a, b) => b.score - a.score || a.doc - b.doc);
      this.shown.push(...batch);
      return batch;
    }

    /** Read candidate units of one document until `want` hits or `maxChunks` chunks; chunks read. */
    async verify(group, want, maxChunks) {
      const size = this.m.chunk;
      let fetched = 0;
      while (group.next < group.uids.length && group.hits.length < want && fetched < maxChunks) {
        const n = Math.floor(group.uids[group.next] / size);
        const data = await chunk(n);
        fetched += 1;
        while (group.next < group.uids.length && Math.floor(group.uids[group.next] / size) === n) {
          const uid = group.uids[group.next++];
          const hit = this.check(data, uid - n * size);
          if (hit) {
            group.info = data.d[String(group.doc)];
            group.hits.push(hit);
          }
        }
      }
      group.hits.sort((a, b) => b.score - a.score || a.order - b.order);
      group.score = (group.hits.some((h) => h.kind === "t") ? 100 : 0) + (this.regionNamed(group.doc) ? 50 : 0)
        + group.hits.reduce((s, h) => s + h.score, 0);
      return fetched;
    }

    check(data, i) {
      const [d, anchor, kind, section, text, cuts] = data.u[i];
      const folded = fold(text);
      const ranges = [];
      for (const term of this.terms) {
        let at = folded.indexOf(term);
        if (at < 0) return null;
        while (at >= 0) {
          ranges.push([at, at + term.length]);
          at = folded.indexOf(term, at + term.length);
        }
      }
      ranges.sort((a, b) => a[0] - b[0]);
      const bounds = boundaries(text, cuts);
      let score = kind === "t" ? 50 : kind === "h" ? 10 : 0;
      for (const [s, e] of ranges.slice(0, 10)) score += bounds.has(s) && bounds.has(e) ? 3 : 1;
      return { doc: d, anchor, kind, section: data.s[section], text, ranges, score, order: i };
    }
  }

  /** jieba word lengths (base 36, one character per word, in code points) -> UTF-16 offsets. */
  function boundaries(text, cuts) {
    const cps = Array.from(text);
    const out = new Set([0]);
    let cp = 0, unit = 0;
    for (const c of cuts) {
      const n = parseInt(c, 36);
      for (let k = 0; k < n && cp < cps.length; k++) unit += cps[cp++].length;
      out.add(unit);
    }
    return out;
  }

  /* ---------- rendering (Material's result classes, textContent only) ---------- */

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function snippet(hit) {
    const p = el("p", "edition-search-snippet");
    const text = hit.text.replace(/[\t\n]/g, " ");
    const first = hit.ranges[0][0];
    const start = Math.max(0, first - 30);
    const end = Math.min(text.length, Math.max(hit.ranges[0][1] + 60, start + 110));
    let pos = start;
    if (start > 0) p.append("…");
    for (const [s, e] of hit.ranges) {
      if (s < pos || s >= end) continue;
      p.append(text.slice(pos, s));
      p.append(el("mark", "", text.slice(s, Math.min(e, end))));
      pos = Math.min(e, end);
    }
    p.append(text.slice(pos, end));
    if (end < text.length) p.append("…");
    return p;
  }

  function docUrl(id, anchor) {
    return new URL(`documents/${id}/${anchor ? "#" + anchor : ""}`, ROOT).href;
  }

  const KIND_LABEL = { t: "标题", h: "标题", p: "", b: "表格" };

  function renderDoc(search, group) {
    const [id, title] = group.info;
    const [, region, type, year] = search.m.docs[group.doc];
    const [name, prefecture] = search.m.regions[region];
    const li = el("li", "md-search-result__item edition-search-doc");
    li.dataset.doc = id;
    const head = el("a", "md-search-result__link edition-search-doc__title");
    head.href = docUrl(id, "");
    head.append(el("span", "edition-search-doc__name", title));
    const where = prefecture === name ? name : `${prefecture} › ${name}`;
    head.append(el("span", "edition-search-doc__meta", `${where} · ${search.m.types[type]} · ${year}年`));
    li.append(head);
    const list = el("ol", "edition-search-hits");
    const addHits = (hits) => {
      for (const hit of hits) {
        if (hit.kind === "t") continue;
        const a = el("a", "md-search-result__link edition-search-hit");
        a.href = docUrl(id, hit.anchor);
        const label = hit.kind === "h" ? "" : (hit.section || KIND_LABEL[hit.kind]);
        if (label || hit.kind === "b") a.append(el("span", "edition-search-hit__section", [label, KIND_LABEL[hit.kind]].filter(Boolean).join(" · ")));
        a.append(snippet(hit));
        const item = el("li");
        item.append(a);
        list.append(item);
      }
    };
    addHits(group.hits);
    li.append(list);
    if (group.next < group.uids.length) {
      const more = el("button", "md-button edition-search-doc__more", "本文更多结果");
      more.type = "button";
      more.addEventListener("click", async () => {
        const before = group.hits.length;
        await search.verify(group, group.hits.length + 20, 20);
        addHits(group.hits.slice(before));
        if (group.next >= group.uids.length) more.remove();
      });
      li.append(more);
    }
    return li;
  }

  /* ---------- a results view: the header dropdown or the results page ---------- */

  class View {
    constructor(output, input, filtersOf) {
      this.output = output;
      this.meta = output.querySelector(".md-search-result__meta");
      this.list = output.querySelector(".md-search-result__list");
      this.input = input;
      this.filtersOf = filtersOf || (() => ({}));
      this.seq = 0;
      this.placeholder = this.meta.textContent;
    }

    async run() {
      const query = this.input.value;
      const seq = ++this.seq;
      const started = performance.now();
      if (!queryTerms(query).length) {
        this.meta.textContent = this.placeholder;
        this.list.replaceChildren();
        this.output.dataset.state = "idle";
        return;
      }
      this.output.dataset.state = "loading";
      let search, batch;
      try {
        search = await new Search(query, this.filtersOf()).start();
        batch = await search.more();
        // a screen can end before its first hit (111: most units with the pair 11 lack 111): go on a little
        for (let round = 0; !batch.length && !search.exhausted && round < 4 && seq === this.seq; round++) {
          batch = await search.more();
        }
      } catch (err) {
        if (seq !== this.seq) return;
        this.meta.textContent = "索引读取失败，请刷新页面重试";
        this.output.dataset.state = "error";
        return;
      }
      if (seq !== this.seq) return;
      this.search = search;
      this.list.replaceChildren(...batch.map((g) => renderDoc(search, g)));
      this.updateMeta();
      this.output.dataset.state = "done";
      this.output.dataset.ms = String(Math.round(performance.now() - started));
    }

    updateMeta() {
      const s = this.search;
      const docs = s.shown.length;
      const hits = s.shown.reduce((n, g) => n + g.hits.length, 0);
      this.meta.replaceChildren();
      if (!docs && s.exhausted) {
        this.meta.textContent = "没有找到包含“" + s.terms.join(" ") + "”的段落";
        return;
      }
      // Until every candidate is read, the number of candidates is an upper bound, not a count.
      const upTo = `最多 ${s.candidates}${s.complete ? "" : "+"} 篇`;
      this.meta.append(s.exhausted ? `${docs} 篇文件中找到`
        : docs ? `已列出前 ${docs} 篇文件（${upTo}）` : `已读的候选段落都不含此词（候选文件${upTo}）`);
      this.meta.append(s.exhausted && hits ? "，按相关度排列" : "");
      if (!s.exhausted) {
        const more = el("button", "md-button edition-search-more", docs ? "更多结果" : "继续查找");
        more.type = "button";
        more.addEventListener("click", () => this.more());
        this.meta.append(" ", more);
      }
    }

    async more() {
      const s = this.search;
      const seq = this.seq;
      const batch = await s.more();
      if (seq !== this.seq) return;
      this.list.append(...batch.map((g) => renderDoc(s, g)));
      this.updateMeta();
    }

    links() {
      return [...this.output.querySelectorAll("a.md-search-result__link, button.edition-search-more")];
    }
  }

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
    wire(view, () => { if (queryTerms(input.value).length) location.href = resultsUrl(); });
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
  }

  /* ---------- the results page: search/?q=…, with filters ---------- */

  async function mountPage() {
    const host = document.querySelector("[data-edition-search-page]");
    if (!host || host.dataset.mounted) return;
    host.dataset.mounted = "1";
    const params = new URLSearchParams(location.search);
    const form = el("form", "edition-search-form");
    const input = el("input", "md-input edition-search-form__input");
    Object.assign(input, { type: "search", name: "q", value: params.get("q") || "", placeholder: "短语、地区、指标；空格分隔多个词" });
    input.setAttribute("aria-label", "搜索全文");
    form.append(input);
    const filters = el("div", "edition-search-filters");
    const output = el("div", "md-search-result edition-search-page__results");
    output.append(el("div", "md-search-result__meta", "输入词语或短语；空格分隔的几个词须同时出现"), el("ol", "md-search-result__list"));
    host.append(form, filters, output);
    const m = await manifest();
    const select = (name, label, values) => {
      const s = el("select", "edition-search-filter");
      s.name = name;
      s.setAttribute("aria-label", label);
      s.append(new Option(`全部${label}`, ""), ...values.map((v) => new Option(v, v)));
      s.value = params.get(name) || "";
      filters.append(s);
      return s;
    };
    const prefectures = [...new Set(m.regions.map((r) => r[1]))];
    const years = [...new Set(m.docs.map((d) => d[3]))].sort((a, b) => b - a).map(String);
    const selects = [
      select("prefecture", "地级市", prefectures),
      select("region", "地区", m.regions.map((r) => r[0])),
      select("type", "类型", m.types),
      select("year", "年份", years),
    ];
    const filtersOf = () => Object.fromEntries(selects.filter((s) => s.value).map((s) => [s.name, s.value]));
    const view = new View(output, input, filtersOf);
    const remember = () => {
      const url = new URL(location.href);
      url.search = "";
      if (input.value.trim()) url.searchParams.set("q", input.value.trim());
      for (const [k, v] of Object.entries(filtersOf())) url.searchParams.set(k, v);
      history.replaceState(history.state, "", url.href);
    };
    wire(view, () => { remember(); view.run(); });
    input.addEventListener("input", remember);
    form.addEventListener("submit", (e) => e.preventDefault());
    for (const s of selects) s.addEventListener("change", () => { remember(); view.run(); });
    if (input.value) view.run();
  }

  mountHeader();
  const mount = () => { mountPage().catch(() => {}); };
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(mount);
  else mount();
})();
