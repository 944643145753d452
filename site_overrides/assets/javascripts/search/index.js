/*
 * Index access: the files builder/search/index.py writes under search/
 * (read its docstring first) and the candidate units of a query.
 *
 * Everything that knows the index layout (manifest, shards, posting lists,
 * pages of long lists, text chunks) is here; the rest of search sees
 * `manifest()`, `chunk(n)`, `docOf()` and `Candidates`.
 */
import { dictionaryText, packedText } from "./packed.js";
import { INDEX } from "./urls.js";

/** The response for an index file, or an error naming it. */
function fetchOk(path) {
  const url = new URL(path, INDEX).href;
  return fetch(url).then((r) => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r;
  });
}

const cache = new Map();
function fetchText(path) {
  if (!cache.has(path)) {
    // shards and list pages are stored gzip-compressed
    const p = fetchOk(path).then(packedText);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return cache.get(path);
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

export const manifest = () => once("manifest", () => fetchText("manifest.json").then(JSON.parse));

function fetchBytes(path) {
  return fetchOk(path).then((r) => r.arrayBuffer()).then((b) => new Uint8Array(b));
}

/** The preset dictionary the text chunks are packed with: the one `name` names (relative to
 *  search/), or the manifest's. */
const dictionary = (name) => (name ? once(name, () => fetchBytes(name))
  : manifest().then((m) => dictionary(m.dictionary)));

/** The units n*chunk … of the index: {d: {doc: [id, title]}, s: sections, u: rows}. `dictionaryName`:
 *  the dictionary, where the caller knows it (a source page, which then never reads the manifest). */
export function chunk(n, dictionaryName) {
  // the chunk and (once per visit) the dictionary are fetched side by side
  return once(`t${n}`, () => Promise.all([fetchBytes(`t/${n}.json.deflate`), dictionary(dictionaryName)])
    .then(([bytes, dict]) => dictionaryText(bytes, dict)).then(JSON.parse));
}

/** The document a unit belongs to (the manifest lists each document's first unit). */
export function docOf(m, uid) {
  const docs = m.docs;
  let lo = 0, hi = docs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (docs[mid][0] <= uid) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** The grams a term is looked up by: its character pairs, or the character itself. */
export function grams(term) {
  const cps = Array.from(term);
  if (cps.length === 1) return cps;
  const out = [];
  for (let i = 0; i + 1 < cps.length; i++) out.push(cps[i] + cps[i + 1]);
  return out;
}

export function fnv1a(text) {
  let h = 0x811c9dc5;
  for (const b of new TextEncoder().encode(text)) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

/** Unit ids from their gaps (builder/search/index.py, encode_gaps): each gap in base 26, its
 *  digits letters, the last lower-case, the ones before it upper-case: "mbd" = 12, 13, 16. */
function decodeGaps(text) {
  const ids = [];
  let prev = 0, n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97) {
      prev += n * 26 + c - 97;
      ids.push(prev);
      n = 0;
    } else {
      n = n * 26 + c - 65;
    }
  }
  return ids;
}

function shard(n) {
  return once(`g${n}`, () => fetchText(`g/${n}.txt.gz`).then((text) => {
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
  const name = `p/${entry.hash.toString(16).padStart(8, "0")}-${k}.txt.gz`;
  return once(name, () => fetchText(name).then(decodeGaps));
}

export function intersect(a, b) {
  const out = [];
  let i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) i++; else j++;
  }
  return out;
}

/**
 * The units that hold every gram of every term, in ascending order: all at
 * once when the rarest list is whole (`initial`, `complete`), else one range
 * of units at a time (`next()`), intersecting one small page per gram, so a
 * query made only of common grams (151.5亿元) reads no whole list.
 */
export class Candidates {
  constructor(terms) {
    this.terms = terms;
    this.initial = [];     // candidates known at start
    this.complete = true;  // every candidate unit is known
    this.whole = [];       // grams whose lists are whole
    this.paged = [];       // grams whose lists are read one range of units at a time
    this.window = 0;       // next range of units to read, in units of this.span
    this.windows = 0;
  }

  async start() {
    this.m = await manifest();
    if (!this.terms.length) return this;
    const all = [...new Set(this.terms.flatMap(grams))];
    const entries = await Promise.all(all.map(lookup));
    if (entries.some((e) => !e)) return this;
    entries.sort((a, b) => a.df - b.df);
    this.whole = entries.filter((e) => e.ids);
    this.paged = entries.filter((e) => !e.ids);
    if (entries[0].ids) {
      this.initial = this.filter(entries[0].ids);  // the rarest list is whole: candidates are known at once
    } else {
      this.span = Math.min(...this.paged.map((e) => e.span));
      this.windows = Math.ceil(this.m.units / this.span);
      this.complete = false;
    }
    return this;
  }

  filter(ids) {
    for (const e of this.whole) ids = intersect(ids, e.ids);
    return ids;
  }

  /** The candidates of the next range of units that can hold any ([] once complete). */
  async next() {
    while (this.window < this.windows) {
      const start = this.window * this.span;
      const end = start + this.span;
      this.window += 1;
      this.complete = this.window >= this.windows;
      const ks = this.paged.map((e) => Math.floor(start / e.span));
      if (this.paged.some((e, i) => !e.ranges.has(ks[i]))) continue;  // a gram absent from the range
      const lists = await Promise.all(this.paged.map((e, i) => page(e, ks[i])));
      let ids = lists[0].filter((u) => u >= start && u < end);
      for (const list of lists.slice(1)) ids = intersect(ids, list);
      return this.filter(ids);
    }
    this.complete = true;
    return [];
  }
}

/** One Candidates read in ascending order up to any bound, whatever the span of its own ranges. */
class Stream {
  constructor(c) {
    this.c = c;
    this.buf = [...c.initial];
  }

  /** The first unit not yet read (Infinity once every candidate is known). */
  get frontier() {
    return this.c.complete ? Infinity : this.c.window * this.c.span;
  }

  /** The candidates below `end` not yet taken. */
  async upTo(end) {
    while (this.frontier < end) this.buf.push(...await this.c.next());
    let i = 0;
    while (i < this.buf.length && this.buf[i] < end) i++;
    return this.buf.splice(0, i);
  }

  /** Leave the candidates below `end` unread: whole ranges of its own below `end` are never fetched. */
  skip(end) {
    const c = this.c;
    if (this.frontier < end && Number.isFinite(end)) {
      c.window = Math.max(c.window, Math.floor(end / c.span));
      if (c.window >= c.windows) c.complete = true;
    } else if (!Number.isFinite(end)) {
      c.complete = true;
    }
    while (this.buf.length && this.buf[0] < end) this.buf.shift();
  }
}

/**
 * The candidates of a query whose terms have alternatives (synonyms.js): units that hold,
 * for every term, all the grams of one of its alternatives. The terms with one alternative
 * are looked up together, as Candidates does; a term with several is the union of one
 * Candidates per alternative. Same interface as Candidates (initial, complete, next()).
 */
export class AnyCandidates {
  /** `make(terms)`: the Candidates of terms looked up together (a test passes its own). */
  constructor(alternatives, make = (terms) => new Candidates(terms)) {
    this.alternatives = alternatives;
    this.make = make;
    this.initial = [];
    this.complete = true;
    this.window = 0;
    this.windows = 0;
  }

  async start() {
    this.m = await manifest();
    const single = this.alternatives.filter((a) => a.length === 1).map((a) => a[0]);
    const parts = single.length ? [[this.make(single)]] : [];
    for (const alts of this.alternatives) if (alts.length > 1) parts.push(alts.map((t) => this.make([t])));
    await Promise.all(parts.flat().map((c) => c.start()));
    this.parts = parts.map((part) => part.map((c) => new Stream(c)));
    const paged = parts.flat().filter((c) => !c.complete);
    if (!paged.length) {
      this.initial = await this.read(Infinity);
      return this;
    }
    // ranges of the smallest span any part reads by, over the id space the parts cover
    this.span = Math.min(...paged.map((c) => c.span));
    this.windows = Math.ceil(Math.max(...paged.map((c) => c.windows * c.span)) / this.span);
    this.complete = false;
    return this;
  }

  /** The candidates below `end` not yet returned: the union within each part, intersected across parts.
   *  A part after an empty intersection is not read (its pages are not fetched for this range). */
  async read(end) {
    let out = null;
    for (const part of this.parts) {
      if (out && !out.length) { for (const s of part) s.skip(end); continue; }
      const lists = await Promise.all(part.map((s) => s.upTo(end)));
      const union = [...new Set(lists.flat())].sort((a, b) => a - b);
      out = out === null ? union : intersect(out, union);
    }
    return out || [];
  }

  async next() {
    while (this.window < this.windows) {
      this.window += 1;
      this.complete = this.window >= this.windows;
      const ids = await this.read(this.complete ? Infinity : this.window * this.span);
      if (ids.length) return ids;
    }
    this.complete = true;
    return [];
  }
}

/** The candidates of a query given, per term, the strings that count as it. */
export function candidatesOf(alternatives) {
  if (alternatives.every((a) => a.length === 1)) return new Candidates(alternatives.map((a) => a[0]));
  return new AnyCandidates(alternatives);
}
