/*
 * Folding: what a reader types and what the page says, compared after one
 * rule. The rule and its examples are in builder/search/normalise.py; this
 * module runs the same steps from the table that module writes
 * (search/fold.json), so the two cannot drift:
 *
 *   1. compatibility forms (NFKC, in the listed blocks, where safe):
 *      １５１．５亿元 -> 151.5亿元, 劣Ⅴ类 -> 劣V类, ㎡ -> m2, O₃ -> O3
 *   2. traditional -> simplified (OpenCC's characters): 十四五規劃 -> 十四五规划
 *   3. quotes and brackets dropped: “十四五”规划 -> 十四五规划, 大”行 -> 大行
 *   4. 〇 (○ ◯) -> 零: 二〇三五年 = 二零三五年
 *   5. Latin lower-case: PCR -> pcr
 *
 * A character becomes zero or more characters, never by its neighbours;
 * `map()` keeps, for each folded UTF-16 unit, the range of the original it
 * came from, so a highlight marks the characters on the page (大”行 whole).
 * Traditional characters of the corpus come with the table; those of a query
 * are looked up in small files (search/t2s/<k>.txt) only when the table's
 * bitmap says the query holds one.
 */
import { INDEX } from "./urls.js";

function get(path) {
  return fetch(new URL(path, INDEX).href).then((r) => {
    if (!r.ok) throw new Error(`${path}: ${r.status}`);
    return r.text();
  });
}

/** "ab" pairs of a string of code points: 發发後后 -> [[發, 发], [後, 后]]. */
function pairs(text) {
  const cps = Array.from(text);
  const out = [];
  for (let i = 0; i + 1 < cps.length; i += 2) out.push([cps[i], cps[i + 1]]);
  return out;
}

const SEPARATORS = /[ \t\n\r\f\v]+/;
const MARK = /\p{M}/u;

export class Folding {
  constructor(data) {
    this.blocks = data.nfkc;
    this.drop = new Set(Array.from(data.drop));
    this.zeroForms = new Set(Array.from(data.zero[0]));
    this.zero = data.zero[1];
    const t = data.t2s;
    this.t2s = new Map(pairs(t.corpus));
    this.from = t.from;
    this.to = t.to;
    this.bits = Uint8Array.from(atob(t.bits), (c) => c.charCodeAt(0));
    this.shards = t.shards;
    this.loaded = new Map();  // shard number -> promise
    this.cache = new Map();
  }

  /** Whether OpenCC folds `c` (one code point) to another character. */
  traditional(c) {
    const code = c.codePointAt(0);
    if (code < this.from || code > this.to) return false;
    const k = code - this.from;
    return (this.bits[k >> 3] & (1 << (k & 7))) !== 0;
  }

  /** Load the traditional characters of `text` not known yet; resolves to this. */
  async prepare(text) {
    const wanted = new Set();
    for (const c of text) {
      if (!this.t2s.has(c) && this.traditional(c)) wanted.add(c.codePointAt(0) % this.shards);
    }
    await Promise.all([...wanted].map((k) => {
      if (!this.loaded.has(k)) {
        const p = get(`t2s/${k}.txt`).then((body) => {
          for (const [a, b] of pairs(body)) this.t2s.set(a, b);
          this.cache.clear();
        });
        p.catch(() => this.loaded.delete(k));
        this.loaded.set(k, p);
      }
      return this.loaded.get(k);
    }));
    return this;
  }

  nfkc(c) {
    const code = c.codePointAt(0);
    if (!this.blocks.some(([lo, hi]) => code >= lo && code <= hi)) return c;
    const out = c.normalize("NFKC");
    if (out === " ") return out;
    return out.includes(" ") || MARK.test(out) ? c : out;
  }

  /** One code point as search compares it: zero or more characters. */
  foldChar(c) {
    let out = this.cache.get(c);
    if (out !== undefined) return out;
    out = "";
    for (let x of this.nfkc(c)) {
      x = this.t2s.get(x) || x;
      if (this.drop.has(x)) continue;
      if (this.zeroForms.has(x)) x = this.zero;
      else if (x >= "A" && x <= "Z") x = x.toLowerCase();
      out += x;
    }
    this.cache.set(c, out);
    return out;
  }

  fold(text) {
    let out = "";
    for (const c of text) out += this.foldChar(c);
    return out;
  }

  /** The folded text and, per folded UTF-16 unit, the original range [start, end) it came from. */
  map(text) {
    let folded = "";
    const start = [], end = [];
    let i = 0;
    for (const c of text) {
      const f = this.foldChar(c);
      for (let k = 0; k < f.length; k++) { start.push(i); end.push(i + c.length); }
      folded += f;
      i += c.length;
    }
    return { folded, start, end };
  }

  /** The original range of the folded range [s, e) of `mapped` (from map()). */
  static original(mapped, s, e) {
    return [mapped.start[s], mapped.end[e - 1]];
  }

  /** The required terms of a query (builder/search/normalise.py query_terms). */
  terms(query) {
    const terms = [];
    for (const t of this.fold(query).split(SEPARATORS)) if (t && !terms.includes(t)) terms.push(t);
    return terms.filter((t) => !terms.some((o) => o !== t && o.includes(t)));
  }
}

let folding$ = null;
/** The site's folding, loaded once (search/fold.json). */
export function folding() {
  if (!folding$) {
    folding$ = get("fold.json").then((text) => new Folding(JSON.parse(text)));
    folding$.catch(() => { folding$ = null; });
  }
  return folding$;
}
