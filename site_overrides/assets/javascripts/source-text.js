// A source page's raw span, drawn from its packed file (div[data-raw-packed], raw.html.gz
// beside the page: builder/pages/sources.py). The span is the one full copy of a document's
// raw text on the site, about a fifth of the site's bytes a document; stored gzip-compressed
// it takes a third of that (issue 12). The file is the <pre> the builder made, every corpus
// character in it escaped there exactly as on any page; it replaces the placeholder, and then
// the address's anchor (#p-12, #L7) is navigated to again, so that the cited range is
// scrolled to and highlighted (CSS :target) as if it had been in the page from the start.
// The file is unpacked by search/packed.js, the one module that reads the builder's gzip files
// (loaded with import()). Without scripts, or where the file cannot be read, the placeholder
// links the same lines in the repository.
(function () {
  "use strict";

  var holder = document.querySelector("div[data-raw-packed]");
  if (!holder) {
    return;
  }
  var unpacker = import(new URL("search/packed.js", document.currentScript.src).href);
  fetch(new URL(holder.getAttribute("data-raw-packed"), location.href)).then(function (response) {
    if (!response.ok) {
      throw new Error(response.url + ": " + response.status);
    }
    return unpacker.then(function (packed) {
      return packed.packedText(response);
    });
  }).then(function (html) {
    holder.outerHTML = html;
    if (location.hash.length > 1) {
      location.replace(location.hash);
    }
    document.dispatchEvent(new CustomEvent("edition:raw-text"));
  }).catch(function (error) {
    holder.setAttribute("data-raw-failed", "");
    window.console.error("source text:", error);
  });
})();
