/*
 * Verification: one search, from candidate units (index.js) to hits. A
 * candidate holds every gram of the query; only a unit whose folded text
 * holds every term (or, for a term, one of its synonyms: synonyms.js) as a
 * substring is a hit, so a hit is never a guess.
 * Documents are verified a screen at a time, with the bytes of a screen
 * bounded (CHUNKS_PER_SCREEN).
 */
import { accepts } from "./filters.js";
import { Folding, folding } from "./fold.js";
import { candidatesOf, chunk, docOf } from "./index.js";
import { byPrior, byScore, docPrior, groupScore, hitOrder, hitScore } from "./rank.js";
import { synonyms } from "./synonyms.js";

const DOCS_PER_SCREEN = 10;   // documents verified per screen of results
export const HITS_PER_DOC = 2; // hits shown per document before "more in this document"
const CHUNKS_PER_DOC = 3;     // text chunks fetched per document per screen, at most
const CHUNKS_PER_SCREEN = 30; // text chunks fetched per screen, at most (about 3 KB each, gzip)

export class Search {
  constructor(query, filters) {
    this.query = query;
    this.terms = [];
    this.wanted = [];      // per term: {term, alts}, the strings that count as it
    this.filters = filters || {};
    this.docs = [];        // [{doc, uids, next, hits, score}] in verification order
    this.cursor = 0;       // next document to verify
    this.shown = [];       // verified documents with hits
    this.groupOf = new Map();
    this.deferred = [];    // documents read in part without a hit yet
  }

  async start() {
    this.folding = await (await folding()).prepare(this.query);
    this.terms = this.folding.terms(this.query);
    const table = await synonyms();
    this.wanted = this.terms.map((term) => ({ term, alts: table.alternatives(term) }));
    this.source = await candidatesOf(this.wanted.map((w) => w.alts)).start();
    this.m = this.source.m;
    this.addCandidates(this.source.initial);
    if (!this.source.complete) await this.nextPage();
    return this;
  }

  get complete() {
    return this.source.complete;
  }

  /** Read the candidates of the next ranges of units, until new documents turn up. */
  async nextPage() {
    const before = this.docs.length;
    while (!this.source.complete && this.docs.length === before) {
      this.addCandidates(await this.source.next());
    }
  }

  addCandidates(ids) {
    const groups = new Map();
    for (const uid of ids) {
      const d = docOf(this.m, uid);
      if (!accepts(this.m, this.filters, d)) continue;
      if (!groups.has(d)) groups.set(d, []);
      groups.get(d).push(uid);
    }
    const fresh = [];
    for (const [d, uids] of groups) {
      const known = this.groupOf.get(d);
      if (known) { known.uids.push(...uids); continue; }
      fresh.push({ doc: d, uids, next: 0, hits: [], prior: docPrior(this.m, this.terms, d, uids), score: 0 });
    }
    fresh.sort(byPrior);
    for (const g of fresh) this.groupOf.set(g.doc, g);
    this.docs.push(...fresh);
  }

  get candidates() {
    return this.docs.length;
  }

  get exhausted() {
    return this.cursor >= this.docs.length && this.complete && !this.deferred.length;
  }

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
      budget -= (await this.verify(group, HITS_PER_DOC, Math.min(CHUNKS_PER_DOC, budget))).fetched;
      if (group.hits.length) batch.push(group);
      else if (group.next < group.uids.length) this.deferred.push(group);
    }
    batch.sort(byScore);
    this.shown.push(...batch);
    return batch;
  }

  /** Read candidate units of one document until `want` hits or `maxChunks` chunks.
   *  Returns the chunks read and the new hits, ranked among themselves and appended to
   *  `group.hits` after those already there: hits on screen never move, so "more in this
   *  document" shows exactly the hits not shown yet, each once. */
  async verify(group, want, maxChunks) {
    const size = this.m.chunk;
    let fetched = 0;
    const fresh = [];
    while (group.next < group.uids.length && group.hits.length + fresh.length < want && fetched < maxChunks) {
      const n = Math.floor(group.uids[group.next] / size);
      const data = await chunk(n);
      fetched += 1;
      while (group.next < group.uids.length && Math.floor(group.uids[group.next] / size) === n) {
        const uid = group.uids[group.next++];
        const hit = this.check(data, uid - n * size);
        if (hit) {
          hit.uid = uid;
          group.info = data.d[String(group.doc)];
          fresh.push(hit);
        }
      }
    }
    fresh.sort(hitOrder);
    group.hits.push(...fresh);
    group.score = groupScore(this.m, this.terms, group);
    return { fetched, fresh };
  }

  /** The hit unit `i` of a chunk is, if its folded text holds every one of `wanted` (a term or one of
   *  its alternatives); else null. `synonyms`: what the page says where a term as typed is not there
   *  but a synonym is (地区生产总值 for GDP), for the hit's 同义词 label. */
  check(data, i, wanted = this.wanted) {
    const [d, anchor, kind, section, text, cuts] = data.u[i];
    const mapped = this.folding.map(text);
    const ranges = [];
    const via = [];
    for (const { term, alts } of wanted) {
      const before = ranges.length;
      for (const alt of alts) {
        for (let at = mapped.folded.indexOf(alt); at >= 0; at = mapped.folded.indexOf(alt, at + alt.length)) {
          ranges.push(Folding.original(mapped, at, at + alt.length));
        }
      }
      if (ranges.length === before) return null;
      if (!mapped.folded.includes(term)) {
        for (const [s, e] of ranges.slice(before)) if (!via.includes(text.slice(s, e))) via.push(text.slice(s, e));
      }
    }
    ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged = [];
    for (const r of ranges) {  // alternatives can overlap (gdp inside 地区生产总值gdp): mark each character once
      const last = merged[merged.length - 1];
      if (last && r[0] < last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    }
    const score = hitScore(kind, text, cuts, merged);
    return { doc: d, anchor, kind, section: data.s[section], text, ranges: merged, score, synonyms: via };
  }
}
