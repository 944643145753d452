/*
 * The second tier of a multi-term query: documents that hold every term,
 * though no single unit of theirs holds them all (朔州 in one paragraph,
 * 交通 in another). Shown after the first tier is exhausted, labelled as
 * such, each document with the paragraphs that hold each term. A document
 * of the first tier is never repeated here.
 */
import { accepts } from "./filters.js";
import { candidatesOf, chunk, docOf } from "./index.js";
import { hitOrder } from "./rank.js";

const DOCS_PER_SCREEN = 10;    // documents verified per screen
export const HITS_PER_TERM = 2; // paragraphs shown per term and document
const CHUNKS_PER_SCREEN = 40;  // text chunks read per screen, at most

/** Every candidate unit of one term (any of its alternatives), in ascending order. */
async function allCandidates(alts) {
  const c = await candidatesOf([alts]).start();
  const ids = [...c.initial];
  while (!c.complete) ids.push(...await c.next());
  return ids;
}

export class SplitSearch {
  /** `search`: the first tier (verify.js Search), exhausted before this one starts. */
  constructor(search) {
    this.search = search;
    this.terms = search.terms;
    this.docs = null;   // [{doc, per: [uids per term], next: [..], hits: [[hits per term]]}]
    this.cursor = 0;
    this.shown = [];
  }

  get applies() {
    return this.terms.length > 1;
  }

  get exhausted() {
    return !this.applies || (this.docs !== null && this.cursor >= this.docs.length);
  }

  async start() {
    const m = this.search.m;
    const lists = await Promise.all(this.search.wanted.map((w) => allCandidates(w.alts)));
    const first = new Set(this.search.shown.map((g) => g.doc));
    const perDoc = new Map();
    lists.forEach((ids, k) => {
      for (const uid of ids) {
        const d = docOf(m, uid);
        if (first.has(d) || !accepts(m, this.search.filters, d)) continue;
        if (!perDoc.has(d)) perDoc.set(d, this.terms.map(() => []));
        perDoc.get(d)[k].push(uid);
      }
    });
    this.docs = [...perDoc]
      .filter(([, per]) => per.every((uids) => uids.length))
      .map(([doc, per]) => ({ doc, per, next: per.map(() => 0), hits: per.map(() => []), tier: 2 }))
      .sort((a, b) => a.doc - b.doc);
  }

  /** The next screen of second-tier documents: those with a verified paragraph for every term. */
  async more() {
    if (!this.applies) return [];
    if (this.docs === null) await this.start();
    const size = this.search.m.chunk;
    const batch = [];
    let budget = CHUNKS_PER_SCREEN;
    while (batch.length < DOCS_PER_SCREEN && this.cursor < this.docs.length && budget > 0) {
      const g = this.docs[this.cursor++];
      for (let k = 0; k < this.terms.length; k++) {
        const found = [];
        while (found.length < HITS_PER_TERM && g.next[k] < g.per[k].length) {
          const uid = g.per[k][g.next[k]++];
          const n = Math.floor(uid / size);
          const data = await chunk(n);
          budget -= 1;
          const hit = this.search.check(data, uid - n * size, [this.search.wanted[k]]);
          if (hit) {
            hit.uid = uid;
            g.info = data.d[String(g.doc)];
            found.push(hit);
          }
        }
        g.hits[k] = found.sort(hitOrder);
        if (!found.length) break;  // this term is not in the document after all
      }
      if (g.hits.every((h) => h.length)) batch.push(g);
    }
    this.shown.push(...batch);
    return batch;
  }
}
