// A document page's raw span, drawn into its 原文 section's placeholder (div[data-raw-packed]:
// builder/pages/sources.py) when the reader wants it (the blocks' 原文 links to it are drawn at
// once: drawLinks, below): an address inside it (#raw-p-12 from a
// block's 原文 link, #L7 from the 'omitted' list or the card, #raw), its 显示原文 button
// (button[data-raw-show], hidden until this script shows it) or its download button
// (text-downloads.js waits for the edition:raw-text event). Not on every visit: most readers
// of a report never open the original, and drawing it fetches the text's chunks.
// The span is stored as edits of the document's own text (raw-edits.json.gz beside the page,
// builder/pages/raw_delta.py says why and how): the text is read from the search's chunks
// (search/index.js, chunk(n): the ones the edits file names), the edits applied, and the result,
// the <pre> the builder made with every corpus character escaped exactly as on any page,
// replaces the placeholder. Then the address's anchor is navigated to again and scrolled to, so
// that the cited range is shown and highlighted (CSS :target) as if it had been in the page from
// the start. The edits file is unpacked by search/packed.js, the one module that reads the
// builder's gzip files. Without scripts, or where a file cannot be read or the chunks hold
// another text than the edits were made for, the placeholder links the same lines in the
// repository.
(function () {
  "use strict";

  var holder = document.querySelector("div[data-raw-packed]");
  if (!holder) {
    return;
  }
  var here = document.currentScript.src;
  var started = false;

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

  // The file's base: the document's place in the index's list, its first and last chunk, the
  // length of its text in code points and the chunks' dictionary (raw_delta.Base).
  function documentText(m, base) {
    if (!Array.isArray(base) || base.length !== 5 || typeof base[4] !== "string") {
      return Promise.reject(new Error("the edits file names no chunks"));
    }
    var chunks = [];
    for (var n = base[1]; n <= base[2]; n++) {
      chunks.push(m.chunk(n, base[4]));
    }
    return Promise.all(chunks).then(function (loaded) {
      var texts = [];
      loaded.forEach(function (chunk) {
        chunk.u.forEach(function (row) {
          if (row[0] === base[0]) {
            texts.push(row[4]);
          }
        });
      });
      var chars = Array.from(texts.join("\n")); // the builder counts code points, not UTF-16 units
      if (chars.length !== base[3]) {
        throw new Error("the search chunks hold another text than this page's edits were made for");
      }
      return chars;
    });
  }

  function draw() {
    if (started) {
      return;
    }
    started = true;
    holder.setAttribute("aria-busy", "true");
    var modules = Promise.all([import(new URL("search/packed.js", here).href),
      import(new URL("search/index.js", here).href)]);
    var file = fetch(new URL(holder.getAttribute("data-raw-packed"), location.href)).then(function (response) {
      if (!response.ok) {
        throw new Error(response.url + ": " + response.status);
      }
      return modules.then(function (m) {
        return m[0].packedText(response);
      });
    }).then(JSON.parse);
    var text = Promise.all([modules, file]).then(function (loaded) {
      return documentText(loaded[0][1], loaded[1].base);
    });
    Promise.all([file, text]).then(function (parts) {
      if (!Array.isArray(parts[0].edits)) {
        throw new Error("the edits file holds no edits");
      }
      holder.outerHTML = apply(parts[0].edits, parts[1]);
      if (RAW_ADDRESS.test(location.hash)) {
        // again, now that the anchor is there: :target (the highlight) follows the address;
        // the scroll is asked for too, as a navigation to the address it already has
        // does not always scroll in Chromium (a link clicked before the span was drawn)
        location.replace(location.hash);
        var target = document.getElementById(location.hash.slice(1));
        if (target) {
          target.scrollIntoView();
        }
      }
      document.dispatchEvent(new CustomEvent("edition:raw-text"));
    }).catch(function (error) {
      holder.removeAttribute("aria-busy");
      holder.setAttribute("data-raw-failed", "");
      window.console.error("source text:", error);
    });
  }

  // An address the span holds: a line (#L7), a block's range (#raw-p-12) or the section's own
  // heading (#raw). The source's title line, outside the span, has its #L anchor in the page.
  var RAW_ADDRESS = /^#(?:raw(?:-[\w-]+)?|L\d+)$/;

  function onAddress() {
    var hash = location.hash;
    if (RAW_ADDRESS.test(hash) && (hash === "#raw" || !document.getElementById(hash.slice(1)))) {
      draw();
    }
  }

  // Each block's 原文 link to its range (#raw-p-12), drawn here rather than written into the page:
  // it leads into the span only this script draws, and was 5 KB of a page (issue "Scale"). The
  // builder names the text's first and last block and those without a range (data-raw-blocks,
  // data-raw-none: builder/pages/sources.py, linked_blocks); the blocks are the article's
  // children from the one to the other. A paragraph's link follows its ¶; a heading's is a
  // line of its own after it (the table of contents keeps the heading's words); a table's
  // closes its box.
  function rawLink(id, extra) {
    var a = document.createElement("a");
    a.className = "raw-link" + (extra ? " " + extra : "");
    a.href = "#raw-" + id;
    a.textContent = "原文";
    return a;
  }

  function drawLinks() {
    var names = (holder.getAttribute("data-raw-blocks") || "").split(" ");
    var first = names[0] && document.getElementById(names[0]);
    if (!first || names.length !== 2) {
      return;
    }
    var none = {};
    (holder.getAttribute("data-raw-none") || "").split(" ").forEach(function (id) {
      none[id] = true;
    });
    for (var el = first; el; el = el.nextElementSibling) {
      var id = el.id;
      if (id && !none[id]) {
        if (el.tagName === "P") {
          el.appendChild(document.createTextNode(" "));
          el.appendChild(rawLink(id));
        } else if (/^H[1-6]$/.test(el.tagName)) {
          var line = document.createElement("p");
          line.appendChild(rawLink(id, "raw-link-heading"));
          el.after(line);
          el = line;
        } else if (el.classList.contains("corpus-table")) {
          var row = document.createElement("p");
          row.appendChild(rawLink(id, "raw-link-table"));
          el.appendChild(row);
        }
      }
      if (id === names[1]) {
        break;
      }
    }
  }

  drawLinks();
  var show = holder.querySelector("button[data-raw-show]");
  if (show) {
    show.hidden = false;
    show.addEventListener("click", draw);
  }
  document.addEventListener("click", function (event) {
    if (event.target && event.target.closest && event.target.closest("a[data-raw-download]")) {
      draw();
    }
  }, true);
  window.addEventListener("hashchange", onAddress);
  onAddress();
})();
