/*
 * Synonyms: the edition's own names for one thing (an indicator's name and
 * synonyms, a glossary term and its variants) match each other. The rule and
 * its examples are in builder/search/synonyms.py; this module runs the same
 * steps on the table that module writes (search/synonyms.json), tested on
 * the same cases (tests/search/synonym_cases.yml):
 *
 *   1. forms are found in a term leftmost-longest:   gdp增速 holds gdp
 *   2. each is replaced by every form of its group:  gdp增速, 地区生产总值增速, 地区生产总值gdp增速
 *      (the typed term first, at most MAX_ALTERNATIVES)
 *   3. an alternative containing another is dropped: gdp增速, 地区生产总值增速
 *
 * A unit matches a term when it holds any of the term's alternatives.
 */
import { INDEX } from "./urls.js";

export const MAX_ALTERNATIVES = 16;

export class Synonyms {
  constructor(groups) {
    this.groupOf = new Map();
    for (const g of groups) for (const f of g) this.groupOf.set(f, g);
    this.byFirst = new Map();
    // longest first, in code points as Python counts (two forms of one length can't both start at one place)
    const size = (f) => Array.from(f).length;
    const forms = [...this.groupOf.keys()].sort((a, b) => size(b) - size(a));
    for (const f of forms) {
      const c = f[0];
      if (!this.byFirst.has(c)) this.byFirst.set(c, []);
      this.byFirst.get(c).push(f);
    }
  }

  /** The term cut into literal runs and forms (a form as its group, the typed form first). */
  pieces(term) {
    const out = [];
    let literal = "";
    let i = 0;
    while (i < term.length) {
      const form = (this.byFirst.get(term[i]) || []).find((f) => term.startsWith(f, i));
      if (!form) { literal += term[i++]; continue; }
      if (literal) { out.push([literal]); literal = ""; }
      out.push([form, ...this.groupOf.get(form).filter((f) => f !== form)]);
      i += form.length;
    }
    if (literal) out.push([literal]);
    return out;
  }

  /** Every string that counts as `term`: the product of its pieces, in order, capped; none containing another. */
  alternatives(term) {
    const found = [];
    const walk = (pieces, k, prefix) => {
      if (found.length >= MAX_ALTERNATIVES) return;
      if (k === pieces.length) { if (!found.includes(prefix)) found.push(prefix); return; }
      for (const p of pieces[k]) walk(pieces, k + 1, prefix + p);
    };
    walk(this.pieces(term), 0, "");
    return found.filter((a) => !found.some((o) => o !== a && a.includes(o)));
  }
}

let loaded = null;
/** The site's table (fetched once); an edition without one matches terms as typed. */
export function synonyms() {
  if (!loaded) {
    loaded = fetch(new URL("synonyms.json", INDEX).href)
      .then((r) => (r.ok ? r.json() : { groups: [] }))
      .then((data) => new Synonyms(data.groups));
    loaded.catch(() => { loaded = null; });
  }
  return loaded;
}
