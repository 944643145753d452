/*
 * Rendering: results as Material's result classes, corpus text only ever
 * set as textContent (never HTML), highlights as <mark> over the original
 * characters of the unit.
 */
import { folding } from "./fold.js";
import { docUrl } from "./urls.js";
import { SplitSearch } from "./split.js";
import { Search } from "./verify.js";

export function el(tag, cls, text) {
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

const KIND_LABEL = { t: "标题", h: "标题", p: "", b: "表格" };

/** A document's list item and its heading link (title, region, type, year). */
function docItem(search, group) {
  const [id, title] = group.info;
  const [, region, type, year] = search.m.docs[group.doc];
  const [name, prefecture] = search.m.regions[region];
  const li = el("li", "md-search-result__item edition-search-doc");
  li.dataset.doc = id;
  const head = el("a", "md-search-result__link edition-search-doc__title");
  head.href = docUrl(id, "");
  head.append(el("span", "edition-search-doc__name", title));
  const where = prefecture === name ? name : `${prefecture} › ${name}`;
  head.append(el("span", "edition-search-doc__meta", `${where} · ${search.m.types[type]} · ${year == null ? "年份不详" : `${year}年`}`));
  li.append(head);
  return { li, head, id };
}

/** One hit as a link to its paragraph; `key` names the data attribute that carries its unit. */
function hitItem(id, hit, key) {
  const a = el("a", "md-search-result__link edition-search-hit");
  a.dataset[key] = String(hit.uid);
  a.href = docUrl(id, hit.anchor);
  const label = hit.kind === "h" ? "" : (hit.section || KIND_LABEL[hit.kind]);
  if (label || hit.kind === "b") a.append(el("span", "edition-search-hit__section", [label, KIND_LABEL[hit.kind]].filter(Boolean).join(" · ")));
  // a term as typed is not in this unit, a synonym of it is (GDP -> 地区生产总值): say so
  if (hit.synonyms && hit.synonyms.length) a.append(el("span", "edition-search-hit__synonym", `同义词：${hit.synonyms.join("、")}`));
  a.append(snippet(hit));
  const item = el("li");
  item.append(a);
  return item;
}

/** A second-tier document: the paragraphs for each term, labelled as such (split.js). */
function renderSplit(search, group, terms) {
  const { li, id } = docItem(search, group);
  li.dataset.tier = "2";
  li.append(el("p", "edition-search-doc__tier", "各词分见于本文不同段落，没有一段同时包含全部"));
  terms.forEach((term, k) => {
    li.append(el("p", "edition-search-term", `含“${term}”的段落`));
    const list = el("ol", "edition-search-hits");
    // data-term-unit, not data-unit: such a paragraph holds one term, not the query
    for (const hit of group.hits[k]) if (hit.kind !== "t") list.append(hitItem(id, hit, "termUnit"));
    li.append(list);
  });
  return li;
}

function renderDoc(search, group) {
  const { li, head, id } = docItem(search, group);
  const list = el("ol", "edition-search-hits");
  const addHits = (hits) => {
    for (const hit of hits) {
      if (hit.kind === "t") {  // the title is the document's own link
        head.dataset.unit = String(hit.uid);
        continue;
      }
      list.append(hitItem(id, hit, "unit"));
    }
  };
  addHits(group.hits);
  li.append(list);
  let more = null;
  // Shown hits never move: a click verifies further candidates and appends only the new hits.
  // Later ranges of the index can add candidates to a document already shown: refresh() puts
  // the button back then (View.more calls it).
  group.refresh = () => {
    if (group.next >= group.uids.length) {
      if (more) more.remove();
      more = null;
    } else if (!more) {
      more = el("button", "md-button edition-search-doc__more", "本文更多结果");
      more.type = "button";
      more.addEventListener("click", async () => {
        more.disabled = true;
        const { fresh } = await search.verify(group, group.hits.length + 20, 20);
        addHits(fresh);
        if (more) more.disabled = false;
        group.refresh();
      });
      li.append(more);
    }
  };
  group.refresh();
  return li;
}

/** A results view: the header dropdown or the results page. */
export class View {
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
    let terms;
    try {
      terms = (await (await folding()).prepare(query)).terms(query);
    } catch (err) {
      terms = null;
    }
    if (seq !== this.seq) return;
    if (terms && !terms.length) {
      this.meta.textContent = this.placeholder;
      this.list.replaceChildren();
      this.output.dataset.state = "idle";
      return;
    }
    this.output.dataset.state = "loading";
    let search, batch, split, second = [];
    try {
      search = await new Search(query, this.filtersOf()).start();
      split = new SplitSearch(search);
      batch = await search.more();
      // a screen can end before its first hit (111: most units with the pair 11 lack 111): go on a little
      for (let round = 0; !batch.length && !search.exhausted && round < 4 && seq === this.seq; round++) {
        batch = await search.more();
      }
      if (search.exhausted && seq === this.seq) second = await split.more();
    } catch (err) {
      if (seq !== this.seq) return;
      // the index's packed files need DecompressionStream (browsers since 2023: Chrome 80, Safari 16.4, Firefox 113)
      this.meta.textContent = typeof DecompressionStream === "undefined"
        ? "此浏览器无法读取搜索索引（需支持 DecompressionStream），请升级浏览器；也可下载各文件的纯文本自行检索"
        : "索引读取失败，请刷新页面重试";
      this.output.dataset.state = "error";
      return;
    }
    if (seq !== this.seq) return;
    this.search = search;
    this.split = split;
    this.list.replaceChildren(...batch.map((g) => renderDoc(search, g)),
      ...second.map((g) => renderSplit(search, g, split.terms)));
    this.updateMeta();
    this.output.dataset.state = "done";
    this.output.dataset.ms = String(Math.round(performance.now() - started));
  }

  get exhausted() {
    return this.search.exhausted && this.split.exhausted;
  }

  updateMeta() {
    const s = this.search;
    const docs = s.shown.length;
    const apart = this.split.shown.length;
    const hits = s.shown.reduce((n, g) => n + g.hits.length, 0);
    this.meta.replaceChildren();
    if (!docs && !apart && this.exhausted) {
      this.meta.textContent = "没有找到包含“" + s.terms.join(" ") + "”的段落";
      return;
    }
    if (s.exhausted && this.split.applies) {
      const terms = s.terms.join(" ");
      const first = docs ? `${docs} 篇文件中有段落同时包含“${terms}”` : `没有一个段落同时包含“${terms}”`;
      this.meta.append(first, apart ? `；${this.split.exhausted ? "" : "已列出 "}${apart} 篇文件各词分见于不同段落` : "");
      if (!this.split.exhausted) this.meta.append(" ", this.moreButton("更多结果"));
      return;
    }
    // Until every candidate is read, the number of candidates is an upper bound, not a count.
    const upTo = `最多 ${s.candidates}${s.complete ? "" : "+"} 篇`;
    this.meta.append(s.exhausted ? `${docs} 篇文件中找到`
      : docs ? `已列出前 ${docs} 篇文件（${upTo}）` : `已读的候选段落都不含此词（候选文件${upTo}）`);
    this.meta.append(s.exhausted && hits ? "，按相关度排列" : "");
    // No button once nothing is left to read: pressing it would only draw it again.
    if (!s.exhausted) this.meta.append(" ", this.moreButton(docs ? "更多结果" : "继续查找"));
  }

  moreButton(label) {
    const more = el("button", "md-button edition-search-more", label);
    more.type = "button";
    more.addEventListener("click", () => { more.disabled = true; this.more(); });
    return more;
  }

  /** The next screen: the first tier's while it lasts, then the second tier's. */
  async more() {
    const s = this.search;
    const seq = this.seq;
    if (!s.exhausted) {
      const batch = await s.more();
      if (seq !== this.seq) return;
      for (const g of s.shown) if (g.refresh) g.refresh();
      this.list.append(...batch.map((g) => renderDoc(s, g)));
      if (s.exhausted) this.list.append(...(await this.split.more()).map((g) => renderSplit(s, g, this.split.terms)));
    } else {
      const batch = await this.split.more();
      if (seq !== this.seq) return;
      this.list.append(...batch.map((g) => renderSplit(s, g, this.split.terms)));
    }
    if (seq !== this.seq) return;
    this.updateMeta();
  }

  links() {
    return [...this.output.querySelectorAll("a.md-search-result__link, button.edition-search-more")];
  }
}
