// Pointwise: copy-link buttons; the filters shown open on a wide screen; the sideways-scroll
// cue hidden where a table fits. Progressive enhancement: without this script there is no
// button, the filters are one click away and every page works the same. Served from /static
// under script-src 'self'.
"use strict";
(function () {
  var status = document.createElement("p");
  status.className = "copy-status sr";
  status.setAttribute("role", "status");
  status.setAttribute("aria-live", "polite");

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.className = "offscreen";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      if (ok) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function button(label, urlOf) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "copy-link";
    b.textContent = label;
    b.addEventListener("click", function () {
      var url = urlOf();
      copyText(url).then(function () {
        b.textContent = "Link copied";
        b.setAttribute("data-copied", url);
        status.textContent = "Link copied: " + url;
      }, function () {
        status.textContent = "Could not copy; the link is " + url;
        window.prompt("Copy this link", url);
      });
      window.setTimeout(function () { b.textContent = label; }, 2500);
    });
    return b;
  }

  // Wide screens have room for the filters beside the list: open them (a phone keeps them
  // behind the "Filters" control, so the statements come first).
  function openWide() {
    if (!window.matchMedia || !window.matchMedia("(min-width: 40.01rem)").matches) { return; }
    Array.prototype.forEach.call(document.querySelectorAll("details[data-open-wide]"), function (d) {
      d.open = true;
    });
  }

  // A table that fits needs no "scroll sideways" cue.
  function markFits() {
    Array.prototype.forEach.call(document.querySelectorAll(".scroll"), function (box) {
      box.classList.toggle("fits", box.scrollWidth <= box.clientWidth + 1);
    });
  }

  function init() {
    openWide();
    markFits();
    window.addEventListener("resize", markFits);
    var main = document.getElementById("main");
    if (!main) { return; }
    main.appendChild(status);
    var h1 = main.querySelector("h1");
    if (h1) {
      var bar = document.createElement("p");
      bar.className = "share";
      bar.appendChild(button("Copy link to this view", function () { return window.location.href; }));
      h1.insertAdjacentElement("afterend", bar);
    }
    // one button per statement, next to its permalink
    var links = main.querySelectorAll("article.statement .meta a[href^='/statements/']");
    Array.prototype.forEach.call(links, function (a) {
      var b = button("Copy link", function () { return a.href; });
      b.classList.add("small");
      b.setAttribute("aria-label", "Copy link to this statement");
      a.insertAdjacentElement("afterend", b);
      a.insertAdjacentText("afterend", " ");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

// Editors, on a source page: words selected in the article fill the "add a missed statement"
// form (without this script they are pasted).
(function () {
  var words = document.getElementById("add-words");
  var article = document.querySelector(".article");
  if (!words || !article) { return; }
  document.addEventListener("selectionchange", function () {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { return; }
    var range = sel.getRangeAt(0);
    if (!article.contains(range.commonAncestorContainer)) { return; }
    var text = sel.toString().trim();
    if (text) { words.value = text; }
  });
})();
