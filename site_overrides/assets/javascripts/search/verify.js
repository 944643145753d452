/*
 * Verification: one search, from candidate units (index.js) to hits. A
 * candidate holds every gram of the query; only a unit whose folded text
 * holds every term as a substring is a hit, so a hit is never a guess.
 * Documents are verified a screen at a time, with the bytes of a screen
 * bounded (CHUNKS_PER_SCREEN).
 */
import { accepts } from "./filters.js";
import { fold, queryTerms } from "./fold.js";
import { Candidates, chunk, docOf } from "./index.js";
import { byPrior, byScore, docPrior, groupScore, hitOrder, hitScore } from "./rank.js";

const DOCS_PER_SCREEN = 10;   // documents verified per screen of results
export const HITS_PER_DOC = 2; // hits shown per document before "more in this document"
const CHUNKS_PER_DOC = 3;     // text chunks fetched per document per screen, at most
const CHUNKS_PER_SCREEN = 30; // text chunks fetched per screen, at most (about 4 KB each)

export class Search {
  constructor(query, filters) {
    this.query = query;
    this.terms = queryTerms(query);
    this.filters = filters || {};
    this.docs = [];        // [{doc, uids, next, hits, score}] in verification order
    this.cursor = 0;       // next document to verify
    this.shown = [];       // verified documents with hits
    this.groupOf = new Map();
    this.deferred = [];    // documents read in part without a hit yet
  }

  async start() {
    this.source = await new Candidates(this.terms).start();
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
      budget -= await this.verify(group, HITS_PER_DOC, Math.min(CHUNKS_PER_DOC, budget));
      if (group.hits.length) batch.push(group);
      else if (group.next < group.uids.length) this.deferred.push(group);
    }
    batch.sort(byScore);
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
    group.hits.sort(hitOrder);
    group.score = groupScore(this.m, this.terms, group);
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
    const score = hitScore(kind, text, cuts, ranges);
    return { doc: d, anchor, kind, section: data.s[section], text, ranges, score, order: i };
  }
}
