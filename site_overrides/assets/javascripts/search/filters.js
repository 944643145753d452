/*
 * Filters of the results page (search/?q=…&prefecture=…&region=…&type=…&year=…):
 * which documents a search may list.
 */

/** Whether document `d` of the manifest passes `filters` ({prefecture, region, type, year}). */
export function accepts(m, filters, d) {
  const [, region, type, year] = m.docs[d];
  const f = filters;
  const [name, prefecture] = m.regions[region];
  return (!f.prefecture || f.prefecture === prefecture) && (!f.region || f.region === name)
    && (!f.type || f.type === m.types[type]) && (!f.year || +f.year === year);
}
