// The light/dark toggle (partials/edition-palette.html says why it is the edition's and
// not Material's palette component). A classic script right after the toggle's form in the
// header, loaded without defer: it runs while only the header exists, so setting the
// scheme restyles nothing but the header.
//
// - The scheme follows the system (the palettes' media in mkdocs.yml: prefers-color-scheme),
//   live, until the reader picks one with the toggle.
// - A pick is kept for the whole site (localStorage, under the site's own path: GitHub
//   Pages serves several sites from one origin) and applies on every later page before it
//   is drawn. Opening a page never stores a choice the reader did not make.
// - Enter on the focused toggle switches to the next palette, as in Material.
// - The meta theme-color (the mobile browser's bar) takes the header's colour, as Material's.
(function () {
  "use strict";

  var script = document.currentScript;
  var form = script.previousElementSibling;
  var inputs = form.querySelectorAll("input");
  var header = form.closest("header");
  var body = document.body;
  // this file is assets/javascripts/palette.js: the site's root is two folders up
  var key = new URL("../../", script.src).pathname + ":edition.palette";
  var theme = document.createElement("meta");
  theme.name = "theme-color";
  document.head.appendChild(theme);

  // the palette the reader picked, or -1
  function picked() {
    var index = -1;
    try { index = parseInt(window.localStorage.getItem(key), 10); } catch (e) { /* storage off */ }
    return index >= 0 && index < inputs.length ? index : -1;
  }

  // the first palette whose media the system matches
  function system() {
    for (var i = 0; i < inputs.length; i++) {
      if (window.matchMedia(inputs[i].getAttribute("data-md-color-media")).matches) return i;
    }
    return 0;
  }

  function current() {
    var index = picked();
    return index < 0 ? system() : index;
  }

  // palette `index` in force: Material's documented data-md-color-* attributes on <body>;
  // the toggle shows the label that switches to the next palette
  function apply(index) {
    ["scheme", "primary", "accent"].forEach(function (part) {
      body.setAttribute("data-md-color-" + part, inputs[index].getAttribute("data-md-color-" + part));
    });
    inputs[index].checked = true;
    for (var i = 0; i < inputs.length; i++) {
      var label = inputs[i].nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = i !== index;
    }
    theme.content = window.getComputedStyle(header).backgroundColor;
  }

  // a switch on a drawn page: no colour transitions while it changes scheme (Material's
  // data-md-color-switching, which its stylesheet honours)
  function switchTo(index) {
    body.setAttribute("data-md-color-switching", "");
    apply(index);
    window.setTimeout(function () { body.removeAttribute("data-md-color-switching"); });
  }

  form.addEventListener("change", function (event) {
    var index = Array.prototype.indexOf.call(inputs, event.target);
    if (index < 0) return;
    try { window.localStorage.setItem(key, String(index)); } catch (e) { /* storage off: this page only */ }
    switchTo(index);
  });
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(current() + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });
  // the palettes' media are the two answers to one question (prefers-color-scheme), so a
  // change of the system's scheme changes them all at once: one listener is enough
  window.matchMedia(inputs[0].getAttribute("data-md-color-media")).addEventListener("change", function () {
    if (picked() < 0) switchTo(system());
  });

  apply(current());
})();
