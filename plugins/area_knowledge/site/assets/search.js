// Search on Pagefind's own API. The page keeps its whole state in the URL
// (?q=…&theme=…&sort=…), so that a search can be shared and reloaded. Values
// within one facet are ORed, facets are ANDed. Every value is written with
// textContent: nothing from the index is ever parsed as HTML.

(function () {
  "use strict";

  var el = window.areaKnowledge.el;
  var pagefind = null;
  var allFilters = {};
  var FIXED = ["q", "sort"];
  var PAGE = 10;

  function readState() {
    var params = new URLSearchParams(window.location.search);
    var filters = {};
    params.forEach(function (value, name) {
      if (FIXED.indexOf(name) >= 0 || !value) return;
      (filters[name] = filters[name] || []).push(value);
    });
    return { q: (params.get("q") || "").trim(), sort: params.get("sort") || "", filters: filters };
  }

  function writeState(state, push) {
    var params = new URLSearchParams();
    if (state.q) params.set("q", state.q);
    Object.keys(state.filters).sort().forEach(function (name) {
      state.filters[name].forEach(function (value) { params.append(name, value); });
    });
    if (state.sort) params.set("sort", state.sort);
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "");
    if (url !== window.location.pathname + window.location.search) {
      window.history[push ? "pushState" : "replaceState"]({ akSearch: true }, "", url);
    }
  }

  function pagefindFilters(filters, except) {
    var chosen = {};
    Object.keys(filters).forEach(function (name) {
      if (name !== except && filters[name].length) chosen[name] = { any: filters[name] };
    });
    return chosen;
  }

  function sortOption(sort) {
    if (sort === "newest") return { published: "desc" };
    if (sort === "oldest") return { published: "asc" };
    return undefined;
  }

  function ukDate(iso) {
    var parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || "");
    if (!parts) return "";
    var months = ["January", "February", "March", "April", "May", "June", "July", "August",
      "September", "October", "November", "December"];
    return Number(parts[3]) + " " + months[Number(parts[2]) - 1] + " " + parts[1];
  }

  function renderResult(data) {
    var meta = data.meta || {};
    var item = el("li", "ak-result");
    item.appendChild(el("p", "ak-result__kind", meta.kind || ""));
    var heading = el("h2", "ak-result__title");
    var link = el("a", null, meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    item.appendChild(heading);
    if (meta.where) item.appendChild(el("p", "ak-result__where", meta.where));
    if (meta.summary) item.appendChild(el("p", "ak-result__summary", meta.summary));
    var details = [];
    if (meta.availability) details.push(meta.availability);
    if (meta.offers) details.push("Offers " + meta.offers.toLowerCase());
    if (meta.evidence) details.push("Evidence: " + meta.evidence.toLowerCase());
    if (meta.themes) details.push("Themes: " + meta.themes);
    if (meta.published) details.push("Published " + ukDate(meta.published));
    if (details.length) item.appendChild(el("p", "ak-result__meta", details.join(" · ")));
    return item;
  }

  function renderFacet(fieldset, name, counts, chosen) {
    var list = fieldset.querySelector("ul");
    list.textContent = "";
    var values = Object.keys(counts).sort(function (a, b) { return a.localeCompare(b); });
    values.forEach(function (value, index) {
      var id = "ak-facet-" + name + "-" + index;
      var item = el("li", "ak-facet__value");
      var box = el("input");
      box.type = "checkbox";
      box.id = id;
      box.name = name;
      box.value = value;
      box.checked = chosen.indexOf(value) >= 0;
      var label = el("label", null, value + " ");
      label.htmlFor = id;
      label.appendChild(el("span", "ak-facet__count", "(" + counts[value] + ")"));
      item.appendChild(box);
      item.appendChild(label);
      list.appendChild(item);
    });
    fieldset.hidden = values.length === 0;
  }

  async function run(root) {
    var state = readState();
    var form = root.querySelector("[data-ak-search-form]");
    var status = root.querySelector("[data-ak-status]");
    var results = root.querySelector("[data-ak-results]");
    status.textContent = "";
    form.elements.q.value = state.q;
    form.elements.sort.value = state.sort;
    var hasFilters = Object.keys(state.filters).length > 0;
    root.querySelector("[data-ak-clear]").hidden = !hasFilters;
    countActive(root, state);

    var options = { filters: pagefindFilters(state.filters), sort: sortOption(state.sort) };
    var search = await pagefind.search(state.q || null, options);
    var totals = allFilters;

    var facets = root.querySelectorAll("[data-ak-facet]");
    for (var i = 0; i < facets.length; i++) {
      var name = facets[i].getAttribute("data-ak-facet");
      var chosen = state.filters[name] || [];
      var counts = search.filters[name] || {};
      if (chosen.length) {
        // Counts for a facet with choices ignore its own choices, so that
        // choosing one value does not hide the others it could be ORed with.
        var without = await pagefind.search(state.q || null, {
          filters: pagefindFilters(state.filters, name),
        });
        counts = without.filters[name] || {};
      }
      var shown = {};
      Object.keys(totals[name] || {}).forEach(function (value) {
        if (counts[value] || chosen.indexOf(value) >= 0) shown[value] = counts[value] || 0;
      });
      renderFacet(facets[i], name, shown, chosen);
    }

    results.textContent = "";
    if (!state.q && !hasFilters) {
      status.textContent = "Type what you are looking for, or choose a filter.";
      return;
    }
    await showMore(root, search.results, 0);
    var count = search.results.length;
    var what = state.q ? " for “" + state.q + "”" : "";
    status.textContent = (count === 0 ? "No results" : count === 1 ? "1 result" : count + " results") + what;
  }

  // Each result's text is fetched on its own, so show them a page at a time.
  async function showMore(root, all, from) {
    var results = root.querySelector("[data-ak-results]");
    var more = root.querySelector("[data-ak-more]");
    var batch = await Promise.all(all.slice(from, from + PAGE).map(function (r) { return r.data(); }));
    batch.forEach(function (data) { results.appendChild(renderResult(data)); });
    var next = from + batch.length;
    more.hidden = next >= all.length;
    more.onclick = function () {
      showMore(root, all, next).then(function () {
        var items = results.querySelectorAll(".ak-result__title a");
        if (items[next]) items[next].focus();
      });
    };
  }

  function collect(form) {
    var filters = {};
    form.querySelectorAll("[data-ak-facet] input:checked").forEach(function (box) {
      (filters[box.name] = filters[box.name] || []).push(box.value);
    });
    return { q: form.elements.q.value.trim(), sort: form.elements.sort.value, filters: filters };
  }

  async function setUp() {
    var root = document.querySelector("[data-ak-search]");
    if (!root || root.getAttribute("data-ak-ready")) return;
    root.setAttribute("data-ak-ready", "true");
    var form = root.querySelector("[data-ak-search-form]");
    var status = root.querySelector("[data-ak-status]");
    try {
      if (!pagefind) {
        pagefind = await import(new URL(root.getAttribute("data-pagefind"), window.location.href).href);
        var base = new URL(root.getAttribute("data-base"), window.location.href).pathname;
        await pagefind.options({ baseUrl: base, ranking: { pageLength: 0, metaWeights: { title: 1 } } });
        // Loading the filter index is what makes searches return facet counts.
        allFilters = await pagefind.filters();
      }
    } catch (error) {
      status.textContent = "Search is not available: the search index has not been built.";
      return;
    }
    var update = function (push) {
      writeState(collect(form), push);
      return run(root);
    };
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      update(true);
    });
    form.addEventListener("change", function (event) {
      if (event.target.name !== "q") update(true);
    });
    root.querySelector("[data-ak-clear]").addEventListener("click", function () {
      form.querySelectorAll("[data-ak-facet] input:checked").forEach(function (box) {
        box.checked = false;
      });
      update(true);
    });
    window.addEventListener("popstate", function () {
      if (document.querySelector("[data-ak-search]") === root) run(root);
    });
    setUpToggle(root);
    // A shared address keeps only the choices made: empty ones from a form are dropped.
    writeState(readState(), false);
    await run(root);
  }

  // On a phone the filters wait in a panel; its button says how many are chosen.
  function setUpToggle(root) {
    var toggle = root.querySelector("[data-ak-toggle]");
    var facets = root.querySelector("[data-ak-facets]");
    facets.setAttribute("data-ak-collapsed", "");
    toggle.addEventListener("click", function () {
      var open = facets.hasAttribute("data-ak-collapsed");
      if (open) facets.removeAttribute("data-ak-collapsed");
      else facets.setAttribute("data-ak-collapsed", "");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function countActive(root, state) {
    var count = 0;
    Object.keys(state.filters).forEach(function (name) { count += state.filters[name].length; });
    root.querySelector("[data-ak-active-count]").textContent = count ? " (" + count + " chosen)" : "";
  }

  window.areaKnowledge.onEveryPage(setUp);
})();
