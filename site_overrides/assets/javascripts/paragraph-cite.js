// The paragraph permalink, the edition's promise, in one tap.
//
// Every paragraph ends in a ¶ link (builder/pages/markdown.py). A tap on it
// (or Enter) copies the paragraph's permalink (the page's canonical URL plus
// #p-N) to the clipboard, puts #p-N in the address bar without scrolling, and
// opens a small panel that says so and offers 引用本段: the document's three
// citations (plain GB/T 7714, BibTeX, CSL-JSON, rendered by the builder in the
// 引用本文 section) with the paragraph's anchor added to the permalink, each
// with its own copy button.
//
// The citations carry the token YYYY-MM-DD where the access date goes
// (builder/pages/cite.py); this script fills in the day the page is read,
// in the page's own 引用本文 blocks too, so Material's copy buttons
// (content.code.copy) copy a complete reference.
(function () {
  "use strict";

  var TOKEN = "YYYY-MM-DD";
  var panel = null;   // the one panel, created on first use
  var owner = null;   // the ¶ link it belongs to

  function today() {
    var d = new Date();
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return d.getFullYear() + "-" + pad(d.getMonth() + 1) + "-" + pad(d.getDate());
  }

  function permalinkBase() {
    var canonical = document.querySelector("link[rel=canonical]");
    var url = canonical ? canonical.href : window.location.href;
    return url.split("#")[0];
  }

  // Clipboard API where the page is a secure context; a selected textarea otherwise.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return legacyCopy(text); });
    }
    return legacyCopy(text);
  }

  function legacyCopy(text) {
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove();
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  // The document's citations, as the builder wrote them, with the access date filled in.
  function documentCitations() {
    var box = document.querySelector(".edition-cite");
    if (!box) return null;
    var codes = box.querySelectorAll("pre code");
    if (codes.length < 3) return null;
    return {
      permalink: box.getAttribute("data-permalink") || permalinkBase(),
      plain: codes[0].textContent.trim(),
      bibtex: codes[1].textContent.trim(),
      csl: codes[2].textContent.trim()
    };
  }

  // The same three with the paragraph's anchor: the permalink gains #p-N, the keys gain -p-N.
  function paragraphCitations(anchor) {
    var doc = documentCitations();
    if (!doc) return null;
    var url = doc.permalink, at = url + "#" + anchor;
    var plain = doc.plain.split(url).join(at);
    var bibtex = doc.bibtex.replace(/^(@\w+\{[^,]+),/, "$1-" + anchor + ",").split("{" + url + "}").join("{" + at + "}");
    var csl = doc.csl;
    try {
      var items = JSON.parse(doc.csl);
      items.forEach(function (item) {
        item.id = item.id + "-" + anchor;
        item.URL = at;
      });
      csl = JSON.stringify(items, null, 2);
    } catch (e) { /* leave the document's own */ }
    return [["文本", plain], ["BibTeX", bibtex], ["CSL-JSON", csl]];
  }

  function fillAccessDates(root) {
    var date = today();
    var parts = date.split("-").map(Number);
    Array.prototype.forEach.call((root || document).querySelectorAll(".edition-cite pre code"), function (code) {
      var text = code.textContent;
      if (text.indexOf(TOKEN) < 0) return;
      // CSL-JSON's accessed date as date-parts, the form every CSL processor reads
      text = text.split('"raw": "' + TOKEN + '"').join('"date-parts": [[' + parts.join(", ") + "]]");
      code.textContent = text.split(TOKEN).join(date);
    });
  }

  function close() {
    if (panel) panel.hidden = true;
    if (owner) owner.setAttribute("aria-expanded", "false");
    owner = null;
  }

  function button(label, onClick) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "para-panel__button";
    b.textContent = label;
    b.addEventListener("click", onClick);
    return b;
  }

  function status(text) {
    var s = panel.querySelector(".para-panel__status");
    s.textContent = text;
  }

  function showCitations(anchor) {
    var list = panel.querySelector(".para-panel__cite");
    list.textContent = "";
    var cites = paragraphCitations(anchor);
    if (!cites) { list.textContent = "本页没有引用信息。"; list.hidden = false; return; }
    cites.forEach(function (entry) {
      var item = document.createElement("div");
      item.className = "para-panel__format";
      var head = document.createElement("div");
      head.className = "para-panel__format-head";
      var name = document.createElement("strong");
      name.textContent = entry[0];
      head.appendChild(name);
      head.appendChild(button("复制", function () {
        copyText(entry[1]).then(function () { status("已复制" + entry[0] + "格式的本段引用"); },
                                function () { status("无法访问剪贴板，请手动选择复制"); });
      }));
      var pre = document.createElement("pre");
      pre.textContent = entry[1];
      item.appendChild(head);
      item.appendChild(pre);
      list.appendChild(item);
    });
    list.hidden = false;
  }

  function open(link) {
    if (!panel || !document.body.contains(panel)) {
      panel = document.createElement("div");
      panel.className = "para-panel";
      panel.id = "para-panel";
      panel.setAttribute("role", "dialog");
      panel.setAttribute("aria-label", "本段链接与引用");
      var s = document.createElement("p");
      s.className = "para-panel__status";
      s.setAttribute("role", "status");
      s.setAttribute("aria-live", "polite");
      var url = document.createElement("p");
      url.className = "para-panel__url";
      var actions = document.createElement("div");
      actions.className = "para-panel__actions";
      var cite = document.createElement("div");
      cite.className = "para-panel__cite";
      cite.hidden = true;
      panel.append(s, url, actions, cite);
      document.body.appendChild(panel);
    }
    var anchor = link.hash.slice(1);  // Material may have made the href absolute
    var permalink = permalinkBase() + "#" + anchor;
    panel.querySelector(".para-panel__url").textContent = permalink;
    var actions = panel.querySelector(".para-panel__actions");
    actions.textContent = "";
    actions.append(
      button("引用本段", function () { showCitations(anchor); }),
      button("再次复制链接", function () { copy(permalink); }),
      button("关闭", function () { close(); link.focus(); }));
    panel.querySelector(".para-panel__cite").hidden = true;
    panel.hidden = false;
    var box = link.getBoundingClientRect();
    var width = Math.min(420, document.documentElement.clientWidth - 16);
    panel.style.width = width + "px";
    panel.style.left = Math.max(8, Math.min(box.right + window.scrollX - width,
      window.scrollX + document.documentElement.clientWidth - width - 8)) + "px";
    panel.style.top = (box.bottom + window.scrollY + 4) + "px";
    link.setAttribute("aria-expanded", "true");
    owner = link;
    copy(permalink);
  }

  function copy(permalink) {
    status("正在复制……");
    copyText(permalink).then(function () {
      status("✓ 已复制本段链接");
    }, function () {
      status("无法访问剪贴板，请长按下面的链接复制");
    });
  }

  // The address keeps the paragraph: #p-N without a jump (the reader's place stays put),
  // and the 报告错误 link (edition.js) learns which paragraph this is.
  function mark(link) {
    var anchor = link.hash;
    if (window.location.hash !== anchor) {
      history.replaceState(history.state, "", anchor);
      window.dispatchEvent(new CustomEvent("edition:anchor"));
    }
  }

  function label(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("a.para-link:not([aria-label])"), function (a) {
      a.setAttribute("aria-label", "复制本段链接（" + a.hash.slice(1) + "）");
      a.setAttribute("aria-haspopup", "dialog");
      a.setAttribute("aria-controls", "para-panel");
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.para-link") : null;
    if (link) {
      event.preventDefault();
      event.stopPropagation();  // keep Material's instant navigation out of it
      if (owner === link && panel && !panel.hidden) { close(); return; }
      mark(link);
      open(link);
      return;
    }
    if (panel && !panel.hidden && !panel.contains(event.target)) close();
  }, true);

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && panel && !panel.hidden) {
      var back = owner;
      close();
      if (back) back.focus();
    }
  });

  function init() {
    close();
    label(document);
    fillAccessDates(document);
  }

  if (typeof document$ !== "undefined") {
    document$.subscribe(init);  // once a page (and per page, were instant navigation on)
  } else {
    document.addEventListener("DOMContentLoaded", init);
  }
})();
