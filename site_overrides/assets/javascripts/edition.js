// Fill the paragraph line of the "report an error" issue with the paragraph
// the reader has linked to (#p-12), so the report names the exact place.
(function () {
  "use strict";

  function updateReportLinks() {
    var match = /^#(p-[\w-]+)$/.exec(window.location.hash);
    var links = document.querySelectorAll("a.report-error");
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href);
      var body = url.searchParams.get("body") || "";
      url.searchParams.set("body", body.replace(/^段落：.*$/m, "段落：" + (match ? match[1] : "")));
      link.href = url.toString();
    });
  }

  window.addEventListener("hashchange", updateReportLinks);
  if (typeof document$ !== "undefined") {
    document$.subscribe(updateReportLinks);  // Material's instant navigation
  } else {
    document.addEventListener("DOMContentLoaded", updateReportLinks);
  }
})();
