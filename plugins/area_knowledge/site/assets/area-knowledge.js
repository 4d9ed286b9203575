// What every page's scripts share: running on each page that Material's
// instant navigation shows, building elements as text (never parsing HTML
// from data), and "/" to focus the search box.

(function () {
  "use strict";

  function onEveryPage(callback) {
    // Material's instant navigation swaps pages without reloading scripts.
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(callback);
    } else if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", callback);
    } else {
      callback();
    }
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) {
      return;
    }
    var box = document.querySelector("[data-ak-search] input[name=q]") ||
      document.querySelector("[data-ak-header-search] input[name=q]");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  });

  // A preview's banner: the content's problems, read afresh after every rebuild.
  function showPreviewProblems() {
    var banner = document.querySelector("[data-ak-preview]");
    if (!banner || !window.fetch) return;
    fetch(banner.getAttribute("data-ak-preview"), { cache: "no-store" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (found) {
        banner.textContent = "";
        banner.hidden = !found || !found.errors;
        if (banner.hidden) return;
        var s = found.errors === 1 ? "" : "s";
        banner.appendChild(el("p", "admonition-title",
          "This preview has " + found.errors + " error" + s + " in the content"));
        var advice = el("p", "", "Entries with an error are left out, as the published site " +
          "would leave them out. ");
        var all = el("a", "", "See every problem" +
          (found.warnings ? ", warnings too" : ""));
        all.href = banner.getAttribute("data-ak-preview-page");
        advice.appendChild(all);
        banner.appendChild(advice);
        var list = el("ul");
        found.shown.forEach(function (problem) {
          var item = el("li");
          item.appendChild(el("code", "", problem.path + ":" + problem.line));
          item.appendChild(document.createTextNode(
            " " + (problem.field ? problem.field + ": " : "") + problem.message));
          list.appendChild(item);
        });
        banner.appendChild(list);
      })
      .catch(function () { banner.hidden = true; });
  }
  onEveryPage(showPreviewProblems);

  window.areaKnowledge = { onEveryPage: onEveryPage, el: el };
})();
