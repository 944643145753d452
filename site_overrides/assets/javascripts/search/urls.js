/*
 * Where the site's pages and the search index live, seen from this module
 * (assets/javascripts/search/urls.js): the one place search knows a URL.
 */
export const ROOT = new URL("../../../", import.meta.url);
export const INDEX = new URL("search/", ROOT);

/** A document page, or one of its paragraphs: documents/<id>/#p-12. */
export function docUrl(id, anchor) {
  return new URL(`documents/${id}/${anchor ? "#" + anchor : ""}`, ROOT).href;
}
