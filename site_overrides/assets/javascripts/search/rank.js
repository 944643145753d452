/*
 * Ranking: the order of documents and of hits within a document. Ranking
 * never decides what is found (verify.js does): it only orders verified hits.
 *
 * - a document whose title holds the query, then one whose region the query
 *   names (离石区, 离石), then the rest by their number of candidates, come
 *   first in the order documents are verified;
 * - a hit scores by kind (title 50, heading 10) plus, per occurrence, 3 when
 *   it stands as a jieba word (boundaries from the word lengths stored per
 *   unit) and 1 inside a longer word: 创建“三零”单位 above 三零一;
 * - a screen of documents is ordered by the sum of its hits' scores.
 */

/** Documents whose region is named by the query rank first: 离石区, 离石. */
export function regionNamed(m, terms, d) {
  const [name, prefecture] = m.regions[m.docs[d][1]];
  const bare = (n) => n.length > 2 ? n.replace(/[市县区]$/, "") : n;
  return terms.some((t) => t === name || t === bare(name) || t === prefecture || t === bare(prefecture));
}

/** The order in which documents are verified, before any of their text is read. */
export function docPrior(m, terms, d, uids) {
  const title = uids[0] === m.docs[d][0];
  return (title ? 1000 : 0) + (regionNamed(m, terms, d) ? 500 : 0) + uids.length;
}

export const byPrior = (a, b) => b.prior - a.prior || a.doc - b.doc;
export const byScore = (a, b) => b.score - a.score || a.doc - b.doc;
export const hitOrder = (a, b) => b.score - a.score || a.order - b.order;

/** A hit's score: its kind, and whether each of its first ten ranges stands as a word. */
export function hitScore(kind, text, cuts, ranges) {
  const bounds = boundaries(text, cuts);
  let score = kind === "t" ? 50 : kind === "h" ? 10 : 0;
  for (const [s, e] of ranges.slice(0, 10)) score += bounds.has(s) && bounds.has(e) ? 3 : 1;
  return score;
}

/** A document's score from its verified hits. */
export function groupScore(m, terms, group) {
  return (group.hits.some((h) => h.kind === "t") ? 100 : 0) + (regionNamed(m, terms, group.doc) ? 50 : 0)
    + group.hits.reduce((s, h) => s + h.score, 0);
}

/** jieba word lengths (base 36, one character per word, in code points) -> UTF-16 offsets. */
export function boundaries(text, cuts) {
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
