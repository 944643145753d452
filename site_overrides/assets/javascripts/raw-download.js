// The source page's "下载这段原文 .txt" (a[data-raw-download]): the raw span as a
// file, made in the browser from the text already on the page, so the site keeps
// no second copy of it.
//
// The span's <pre class="raw-text"> holds exactly the raw file's characters of
// those lines (its line numbers and ↩ links are empty elements drawn by CSS), so
// its textContent plus the final newline is the span as the raw file has it
// (tests/website/test_sources_browser.py). Without scripts the link goes to the
// text on the page; the whole raw file is linked in the repository beside it.
(function () {
  "use strict";

  document.addEventListener("click", function (event) {
    var link = event.target && event.target.closest ? event.target.closest("a[data-raw-download]") : null;
    var pre = link ? document.querySelector("pre.raw-text:not(.raw-title)") : null;
    if (!pre) {
      return;
    }
    event.preventDefault();
    event.stopPropagation();  // keep Material's instant navigation out of it
    var file = document.createElement("a");
    file.href = URL.createObjectURL(new Blob([pre.textContent + "\n"], {type: "text/plain;charset=utf-8"}));
    file.download = link.getAttribute("data-raw-download");
    document.body.appendChild(file);
    file.click();
    file.remove();
    window.setTimeout(function () { URL.revokeObjectURL(file.href); }, 10000);  // after the download has started
  }, true);
})();
