// A source page's raw span, drawn into its placeholder (div[data-raw-packed]: builder/pages/sources.py).
// The span is stored as edits of the document's own text (raw-edits.json.gz beside the page,
// builder/pages/raw_delta.py says why and how): the text is read from the search's chunks
// (search/index.js, chunk(n): the ones data-raw-base names), the edits applied, and the result,
// the <pre> the builder made with every corpus character escaped exactly as on any page,
// replaces the placeholder. Then the address's anchor (#p-12, #L7) is navigated to again, so
// that the cited range is scrolled to and highlighted (CSS :target) as if it had been in the
// page from the start. The edits file is unpacked by search/packed.js, the one module that reads
// the builder's gzip files. Without scripts, or where a file cannot be read or the chunks hold
// another text than the edits were made for, the placeholder links the same lines in the
// repository.
(function () {
  "use strict";

  var holder = document.querySelector("div[data-raw-packed]");
  if (!holder) {
    return;
  }
  // data-raw-base: the document's place in the index's list, its first and last chunk, the
  // length of its text in code points and the chunks' dictionary (raw_delta.Base)
  var fields = (holder.getAttribute("data-raw-base") || "").split(" ");
  var base = fields.slice(0, 4).map(Number);
  var dictionaryName = fields[4];
  var here = document.currentScript.src;
  var modules = Promise.all([import(new URL("search/packed.js", here).href),
    import(new URL("search/index.js", here).href)]);

  var edits = fetch(new URL(holder.getAttribute("data-raw-packed"), location.href)).then(function (response) {
    if (!response.ok) {
      throw new Error(response.url + ": " + response.status);
    }
    return modules.then(function (m) {
      return m[0].packedText(response);
    });
  }).then(JSON.parse);

  var text = modules.then(function (m) {
    var chunks = [];
    for (var n = base[1]; n <= base[2]; n++) {
      chunks.push(m[1].chunk(n, dictionaryName));
    }
    return Promise.all(chunks);
  }).then(function (chunks) {
    var texts = [];
    chunks.forEach(function (chunk) {
      chunk.u.forEach(function (row) {
        if (row[0] === base[0]) {
          texts.push(row[4]);
        }
      });
    });
    var chars = Array.from(texts.join("\n")); // the builder counts code points, not UTF-16 units
    if (fields.length !== 5 || chars.length !== base[3]) {
      throw new Error("the search chunks hold another text than this page's edits were made for");
    }
    return chars;
  });

  // The rule of builder/pages/raw_delta.py (apply): a number n > 0 copies n characters of the
  // text, n < 0 skips -n, [n] moves by n, a string is HTML as it is. The builder never copies
  // & < >, so a copied character that is one means the text is not the builder's.
  function apply(list, chars) {
    var out = [], j = 0;
    list.forEach(function (e) {
      if (typeof e === "string") {
        out.push(e);
      } else if (Array.isArray(e)) {
        j += e[0];
      } else if (e > 0) {
        var piece = chars.slice(j, j + e).join("");
        if (/[&<>]/.test(piece)) {
          throw new Error("the search chunks hold markup where this page's edits copy text");
        }
        out.push(piece);
        j += e;
      } else {
        j -= e;
      }
    });
    return out.join("");
  }

  Promise.all([edits, text]).then(function (parts) {
    holder.outerHTML = apply(parts[0], parts[1]);
    if (location.hash.length > 1) {
      location.replace(location.hash);
    }
    document.dispatchEvent(new CustomEvent("edition:raw-text"));
  }).catch(function (error) {
    holder.setAttribute("data-raw-failed", "");
    window.console.error("source text:", error);
  });
})();
