// Two downloads made in the browser from the text already on the page, so that the site
// keeps no second copy of either (issue 12: at 1,000 documents the stored per-document
// .txt files were 52 KB a document, an eighth of the site).
//
// - A document page's "下载这段原文 .txt" (a[data-raw-download], in its 原文 section): the raw span as the raw
//   file has it. The span's <pre class="raw-text"> holds exactly the raw file's characters
//   of those lines (its line numbers and ↩ links are empty elements drawn by CSS), so its
//   textContent plus the final newline is the span (tests/website/test_sources_browser.py).
//   The <pre> is drawn from its packed file (source-text.js, which the click asks to); a click before that waits for
//   it. Without scripts the link goes to the placeholder, which links the raw file's lines
//   in the repository.
// - A document page's "纯文本 .txt" (a[data-text-download]): the edition's text as
//   builder.pages.data_files.plain_text writes it: the title, the note the link carries
//   (data-text-note), then every block after its number, "[p-12] 2020年，…", a table as
//   "[t-1]" and one line per row with tab-separated cells. A block is a child of the
//   article whose id is its anchor; the controls inside it (¶, 原文, the heading's link)
//   are left out, each with the one space the page puts before it, and so are the empty
//   cells that fill out a short table row (data-pad). Byte for byte the file
//   data_files.plain_text makes (tests/website/test_text_download_browser.py). Without
//   scripts the link opens the corpus file in the repository, which numbers the blocks too.
(function () {
  "use strict";

  var BLOCK_ID = /^(?:p|h|t)-\d+$/;
  var CONTROLS = ".para-link, .raw-link, .headerlink";

  function save(name, text) {
    var file = document.createElement("a");
    file.href = URL.createObjectURL(new Blob([text], {type: "text/plain;charset=utf-8"}));
    file.download = name;
    document.body.appendChild(file);
    file.click();
    file.remove();
    window.setTimeout(function () { URL.revokeObjectURL(file.href); }, 10000);  // after the download has started
  }

  // A heading's or paragraph's words: its text without its controls and the space before each.
  function words(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll(CONTROLS).forEach(function (control) {
      var before = control.previousSibling;
      if (before && before.nodeType === Node.TEXT_NODE && / $/.test(before.data)) {
        before.data = before.data.slice(0, -1);
      }
      control.remove();
    });
    return copy.textContent;
  }

  // A table's rows, cells tab-separated: a header spanning columns stands for as many
  // cells (the blanks after it), less those that only fill out a short row.
  function rows(table) {
    return Array.prototype.map.call(table.querySelectorAll("tr"), function (row) {
      var cells = [];
      Array.prototype.forEach.call(row.children, function (cell) {
        var count = (cell.colSpan || 1) - Number(cell.getAttribute("data-pad") || 0);
        for (var k = 0; k < count; k++) {
          cells.push(k === 0 ? cell.textContent : "");
        }
      });
      return cells.join("\t");
    }).join("\n");
  }

  function editionText(link) {
    var article = link.closest("article");
    var title = article ? article.querySelector("h1") : null;
    if (!title) {
      return null;
    }
    var parts = [words(title), link.getAttribute("data-text-note") || ""];
    Array.prototype.forEach.call(article.children, function (block) {
      if (!BLOCK_ID.test(block.id)) {
        return;
      }
      parts.push(block.classList.contains("corpus-table")
        ? "[" + block.id + "]\n" + rows(block.querySelector("table"))
        : "[" + block.id + "] " + words(block));
    });
    return parts.join("\n\n") + "\n";
  }

  function rawSpan() {
    var pre = document.querySelector("pre.raw-text:not(.raw-title)");
    return pre ? pre.textContent + "\n" : null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target && event.target.closest ? event.target : null;
    var raw = target ? target.closest("a[data-raw-download]") : null;
    var edition = target ? target.closest("a[data-text-download]") : null;
    var text = raw ? rawSpan() : edition ? editionText(edition) : null;
    var name = raw ? raw.getAttribute("data-raw-download") : edition ? edition.getAttribute("data-text-download") : "";
    if (text === null && raw && document.querySelector("div[data-raw-packed]:not([data-raw-failed])")) {
      event.preventDefault();  // the span is still being drawn (source-text.js): saved once it is
      document.addEventListener("edition:raw-text", function () { save(name, rawSpan()); }, {once: true});
      return;
    }
    if (text === null) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    save(name, text);
  }, true);
})();
