/*
 * Filters of the results page (search/?q=…&prefecture=…&region=…&type=…&year=…):
 * which documents a search may list, and which values a filter can take.
 */

/** The filters, in the order the page shows them. */
export const FILTERS = [
  { name: "prefecture", label: "地级市" },
  { name: "region", label: "地区" },
  { name: "type", label: "类型" },
  { name: "year", label: "年份" },
];

/** The values each filter can take, from the manifest: those of at least one document. */
export function filterValues(m) {
  return {
    prefecture: [...new Set(m.regions.map((r) => r[1]))],
    region: m.regions.map((r) => r[0]),
    type: [...m.types],
    // A document of unknown year (null) has no year to filter by.
    year: [...new Set(m.docs.map((d) => d[3]).filter((y) => y != null))].sort((a, b) => b - a).map(String),
  };
}

/** The valid values of every filter, and the filters of `params` whose value is not one of them:
 *  [{name, label, value, valid}] (year=2020 where every document is of 2021). */
export function checkFilters(m, params) {
  const valid = filterValues(m);
  const unknown = [];
  for (const { name, label } of FILTERS) {
    const value = params.get(name);
    if (value && !valid[name].includes(value)) unknown.push({ name, label, value, valid: valid[name] });
  }
  return { valid, unknown };
}

/** Whether document `d` of the manifest passes `filters` ({prefecture, region, type, year}). */
export function accepts(m, filters, d) {
  const [, region, type, year] = m.docs[d];
  const f = filters;
  const [name, prefecture] = m.regions[region];
  return (!f.prefecture || f.prefecture === prefecture) && (!f.region || f.region === name)
    && (!f.type || f.type === m.types[type]) && (!f.year || +f.year === year);
}
