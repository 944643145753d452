// Point the "report an error" link at the paragraph the reader has linked to
// (#p-12): the correction form's paragraph field then names the exact place.
(function () {
  "use strict";

  function updateReportLinks() {
    var match = /^#([ph]-[\w-]+)$/.exec(window.location.hash);
    var links = document.querySelectorAll("a.report-error");
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.href);
      var page = (url.searchParams.get("paragraph") || "").split("#")[0];
      url.searchParams.set("paragraph", match ? page + "#" + match[1] : page);
      link.href = url.toString();
    });
  }

  window.addEventListener("hashchange", updateReportLinks);
  // paragraph-cite.js sets #p-N with history.replaceState, which fires no hashchange
  window.addEventListener("edition:anchor", updateReportLinks);
  if (typeof document$ !== "undefined") {
    document$.subscribe(updateReportLinks);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", updateReportLinks);
  }
})();
