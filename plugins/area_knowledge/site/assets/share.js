// "Share your practice": the forms write a file to the content contract and
// open GitHub's "create new file" page with it filled in. Which fields there
// are, which are required, how each is checked and written: all of it is read
// from the description the core makes of the schema (data-ak-config, share.py).

(function () {
  "use strict";

  var el = window.areaKnowledge.el;

  // YAML double-quoted text: JSON's escaping, plus \u escapes for the
  // characters YAML does not accept raw.
  function yamlText(value) {
    return JSON.stringify(value).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g,
      function (c) { return "\\u" + ("000" + c.charCodeAt(0).toString(16)).slice(-4); });
  }

  // As the core's slugify: accents dropped, lower-case words joined by hyphens.
  function slugify(text) {
    var words = text.normalize("NFKD").replace(/[^\x00-\x7f]/g, "").toLowerCase().match(/[a-z0-9]+/g);
    return words ? words.join("-") : "";
  }

  function isoDate(day) {
    return day.getFullYear() + "-" + ("0" + (day.getMonth() + 1)).slice(-2) + "-" +
      ("0" + day.getDate()).slice(-2);
  }

  function aYearAfter(day) {
    var next = new Date(day.getFullYear() + 1, day.getMonth(), day.getDate());
    if (next.getMonth() !== day.getMonth()) next = new Date(day.getFullYear() + 1, day.getMonth() + 1, 0);
    return next;
  }

  function yamlList(name, values) {
    if (!values.length) return "";
    return name + ":\n" + values.map(function (v) { return "  - " + v + "\n"; }).join("");
  }

  function checked(scope, name) {
    return Array.prototype.map.call(scope.querySelectorAll("input[name='" + name + "']:checked"),
      function (box) { return box.value; });
  }

  function chosen(scope, name) {
    var values = [];
    scope.querySelectorAll("select[name='" + name + "']").forEach(function (select) {
      if (select.value && values.indexOf(select.value) < 0) values.push(select.value);
    });
    return values;
  }

  // Sections left empty are left out: a heading with nothing under it helps no reader.
  function body(form) {
    var parts = [];
    form.querySelectorAll("[data-ak-section]").forEach(function (area) {
      var text = area.value.replace(/\r\n?/g, "\n").trim();
      if (text) parts.push("## " + area.getAttribute("data-ak-section") + "\n\n" + text + "\n");
    });
    return parts.join("\n");
  }

  // The element a field's problems point to; none when the form does not show the field.
  function control(form, field) {
    return form.querySelector("[data-ak-field='" + field.name + "']");
  }

  // Text as a contributor means it: trimmed, and what was typed in a box on one line.
  function typed(scope, field) {
    var input = scope.querySelector("[name='" + field.name + "']");
    var text = input ? input.value : "";
    return (field.control === "textarea" ? text.replace(/\s+/g, " ") : text).trim();
  }

  // Every value the form holds for a field, as the YAML writes it: ids and URNs bare.
  function values(scope, field) {
    if (field.control === "checkboxes") return checked(scope, field.name);
    if (field.control === "entries" || field.control === "select") return chosen(scope, field.name);
    if (field.control === "checkbox" || field.control === "agreement") {
      return checked(scope, field.name).length ? ["true"] : [];
    }
    var text = typed(scope, field);
    return text ? [text] : [];
  }

  // What a contributor typed is quoted; ids, URNs, dates and true, chosen from the form, are not.
  var TYPED = ["text", "textarea", "email"];

  function scalar(field, value) {
    return TYPED.indexOf(field.control) >= 0 ? yamlText(value) : value;
  }

  // Each row of a list of structures (impact's) with anything in it, its parts in order.
  function rows(form, field) {
    var found = [];
    control(form, field).querySelectorAll(".ak-impact__row").forEach(function (row) {
      var parts = field.parts.map(function (part) { return values(row, part); });
      var written = field.parts.some(function (part, index) {
        return part.control !== "select" && parts[index].length;
      });
      if (written) found.push(parts);
    });
    return found;
  }

  function yamlField(form, field, today) {
    var value;
    if (field.filled === "today") value = isoDate(today);
    else if (field.filled === "a-year-on") value = isoDate(aYearAfter(today));
    else if (field.filled === "agreed") value = values(form, field).length ? isoDate(today) : "";
    else if (field.filled !== "asked" || !control(form, field)) return "";
    if (value !== undefined) return value ? field.name + ": " + value + "\n" : "";
    if (field.control === "rows") {
      var items = rows(form, field).map(function (parts) {
        return field.parts.map(function (part, index) {
          return (index ? "    " : "  - ") + part.name + ": " + scalar(part, parts[index][0] || "") + "\n";
        }).join("");
      });
      return items.length ? field.name + ":\n" + items.join("") : "";
    }
    var found = values(form, field).map(function (v) { return scalar(field, v); });
    if (field.many) return yamlList(field.name, found);
    return found.length ? field.name + ": " + found[0] + "\n" : "";
  }

  function entryFile(form, fields, today) {
    return "---\n" + fields.map(function (field) { return yamlField(form, field, today); }).join("") +
      "---\n\n" + body(form);
  }

  // Problems in the order of the form's fields, as the summary lists them.
  function problems(form, fields, email) {
    var found = [];
    fields.forEach(function (field) {
      var target = control(form, field);
      if (!target) return;
      function need(ok, message) { if (!ok) found.push({ id: target.id, message: message }); }
      if (field.control === "rows") {
        rows(form, field).forEach(function (parts) {
          field.parts.forEach(function (part, index) { need(!part.required || parts[index].length, part.missing); });
        });
        return;
      }
      var given = values(form, field);
      if (field.required) need(given.length, field.missing);
      if (field.limit && given.length) need(given[0].length <= field.limit, field.tooLong);
      if (field.kind === "email" && given.length) need(email.test(given[0]), field.invalid);
    });
    return found.filter(function (problem, index) {
      return found.findIndex(function (other) {
        return other.id === problem.id && other.message === problem.message;
      }) === index;
    });
  }

  function showProblems(form, found) {
    var summary = form.querySelector("[data-ak-summary]");
    var list = summary.querySelector("ul");
    list.textContent = "";
    form.querySelectorAll(".ak-error").forEach(function (error) { error.hidden = true; });
    form.querySelectorAll("[aria-invalid]").forEach(function (field) { field.removeAttribute("aria-invalid"); });
    found.forEach(function (problem) {
      var item = el("li");
      var link = el("a", null, problem.message);
      link.href = "#" + problem.id;
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var target = document.getElementById(problem.id);
        var focusable = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
        if (focusable) focusable.focus();
      });
      item.appendChild(link);
      list.appendChild(item);
      var error = document.getElementById(problem.id + "-error");
      if (error && error.hidden) {
        error.textContent = "Error: " + problem.message;
        error.hidden = false;
      }
      var field = document.getElementById(problem.id);
      if (field) {
        field.setAttribute("aria-invalid", "true");
        if (error) {
          var described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          if (described.indexOf(error.id) < 0) field.setAttribute("aria-describedby", described.concat(error.id).join(" "));
        }
      }
    });
    summary.hidden = found.length === 0;
    if (found.length) summary.focus();
  }

  // The ids published entries have taken, from a file of their own (share.py); none
  // if it cannot be read, when GitHub still refuses a file that is already there.
  function takenIds(url) {
    if (!url || !window.fetch) return Promise.resolve({});
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : {}; })
      .catch(function () { return {}; });
  }

  // The area's schools, hubs, experts and themes to choose from, from a file of their own
  // (share.py): null if it cannot be read.
  function areaLists(url) {
    if (!url || !window.fetch) return Promise.resolve(null);
    return fetch(url, { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .catch(function () { return null; });
  }

  // A select's options from its list, each [value, label] or, in groups, [value, label, group].
  function fillList(select, lists) {
    var choices = lists && lists[select.getAttribute("data-ak-list")];
    if (!Array.isArray(choices)) return;
    var options = document.createDocumentFragment();
    var group = null;
    choices.forEach(function (choice) {
      var option = document.createElement("option");
      option.value = String(choice[0]);
      option.textContent = String(choice[1]);
      if (choice.length < 3) {
        options.appendChild(option);
        return;
      }
      if (!group || group.label !== String(choice[2])) {
        group = document.createElement("optgroup");
        group.label = String(choice[2]);
        options.appendChild(group);
      }
      group.appendChild(option);
    });
    select.appendChild(options);
  }

  // Every select of a list, once it is loaded: those "Add another" made meanwhile too.
  function fillLists(root, form, lists) {
    lists.then(function (loaded) {
      form.querySelectorAll("select[data-ak-list]").forEach(function (select) {
        fillList(select, loaded);
      });
      if (!loaded) root.querySelector("[data-ak-lists-failed]").hidden = false;
    });
  }

  // Not a published entry's id, nor one the site's own pages use (resolution.py).
  function freeId(base, taken, reserved) {
    var id = base;
    var pattern = new RegExp("^(?:" + reserved + ")$");
    for (var n = 2; taken.indexOf(id) >= 0 || pattern.test(id); n++) id = base + "-" + n;
    return id;
  }

  function showResult(form, config, kind, text, id) {
    var result = form.querySelector("[data-ak-result]");
    var folder = config.collections[kind].folder;
    var path = "content/" + folder + "/" + id + ".md";
    result.textContent = "";
    var heading = el("h3", null, "Your file is ready");
    heading.tabIndex = -1;
    result.appendChild(heading);
    result.appendChild(el("p", null, "It will be saved as " + path + "."));
    var label = el("label", null, "The file");
    label.htmlFor = kind + "-file";
    var area = el("textarea", "ak-share__file");
    area.id = kind + "-file";
    area.readOnly = true;
    area.rows = 14;
    area.value = text;
    area.setAttribute("data-ak-file", path);
    result.appendChild(label);
    result.appendChild(area);
    var actions = el("p", "ak-share__actions");
    if (config.newFileUrl) {
      var link = el("a", "md-button md-button--primary", "Propose it on GitHub");
      link.href = config.newFileUrl + folder + "?filename=" + encodeURIComponent(id + ".md") +
        "&value=" + encodeURIComponent(text);
      link.target = "_blank";
      link.rel = "noopener";
      link.setAttribute("data-ak-propose", "");
      actions.appendChild(link);
    }
    var copy = el("button", "md-button", "Copy the file");
    copy.type = "button";
    copy.addEventListener("click", function () {
      area.select();
      if (navigator.clipboard) navigator.clipboard.writeText(text).catch(function () {});
      else document.execCommand("copy");
      copy.textContent = "Copied";
    });
    actions.appendChild(copy);
    result.appendChild(actions);
    result.appendChild(el("p", null, config.newFileUrl
      ? "GitHub opens with the file filled in: press “Propose new file”, then “Create pull request”. Sign in to GitHub first if you are asked."
      : "Send the file to the partnership, or add it to the repository as a pull request."));
    result.hidden = false;
    heading.focus();
  }

  function addSections(form, config, kind) {
    var holder = form.querySelector("[data-ak-sections]");
    config.sections[kind].forEach(function (section, index) {
      var id = kind + "-section-" + (index + 1);
      var field = el("p", "ak-field");
      var label = el("label", null, section.heading);
      label.htmlFor = id;
      var hint = el("span", "ak-hint", section.guidance);
      hint.id = id + "-hint";
      var area = el("textarea");
      area.id = id;
      area.rows = 5;
      area.setAttribute("data-ak-section", section.heading);
      area.setAttribute("aria-describedby", hint.id);
      field.appendChild(label);
      field.appendChild(hint);
      field.appendChild(area);
      holder.appendChild(field);
    });
  }

  function setUpRepeats(form) {
    form.querySelectorAll("[data-ak-add]").forEach(function (button) {
      var name = button.getAttribute("data-ak-add");
      var repeat = form.querySelector("[data-ak-repeat='" + name + "']");
      var items = repeat.querySelector(".ak-repeat__items");
      button.addEventListener("click", function () {
        var count = items.children.length + 1;
        var item = items.firstElementChild.cloneNode(true);
        var select = item.querySelector("select");
        var label = item.querySelector("label");
        select.id = repeat.id + "-" + count;
        select.value = "";
        label.htmlFor = select.id;
        var noun = repeat.getAttribute("data-ak-item");
        label.textContent = noun + " " + count;
        var remove = el("button", "md-button ak-repeat__remove", "Remove");
        remove.type = "button";
        remove.setAttribute("aria-label", "Remove " + noun.toLowerCase() + " " + count);
        remove.addEventListener("click", function () {
          item.remove();
          button.focus();
        });
        item.appendChild(remove);
        items.appendChild(item);
        select.focus();
      });
    });
    var impact = form.querySelector("[data-ak-impact]");
    if (!impact) return;
    var rows = impact.querySelector("[data-ak-impact-rows]");
    var template = impact.querySelector("[data-ak-impact-template]");
    function addRow() {
      var row = template.content.firstElementChild.cloneNode(true);
      rows.appendChild(row);
      return row;
    }
    addRow();
    impact.querySelector("[data-ak-add-impact]").addEventListener("click", function () {
      addRow().querySelector("input").focus();
    });
  }

  // A counter under each field with a limit that shows one (the summary).
  function setUpCounters(form, fields) {
    fields.forEach(function (field) {
      var input = control(form, field);
      var count = input && input.id && document.getElementById(input.id + "-count");
      if (!count || !field.limit) return;
      var update = function () {
        count.textContent = (field.limit - input.value.length) + " characters left";
      };
      input.addEventListener("input", update);
      update();
    });
  }

  function setUpShare() {
    var root = document.querySelector("[data-ak-share]");
    if (!root || root.getAttribute("data-ak-ready")) return;
    root.setAttribute("data-ak-ready", "true");
    var config = JSON.parse(root.getAttribute("data-ak-config"));
    var email = new RegExp(config.emailPattern);
    var taken = takenIds(root.getAttribute("data-ak-taken"));
    var lists = areaLists(root.getAttribute("data-ak-lists"));
    root.querySelectorAll("[data-ak-share-form]").forEach(function (form) {
      var kind = form.getAttribute("data-ak-share-form");
      var fields = config.collections[kind].fields;
      addSections(form, config, kind);
      setUpRepeats(form);
      fillLists(root, form, lists);
      setUpCounters(form, fields);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var found = problems(form, fields, email);
        showProblems(form, found);
        if (found.length) {
          form.querySelector("[data-ak-result]").hidden = true;
          return;
        }
        var today = new Date();
        var titleField = fields.filter(function (f) { return f.name === config.collections[kind].titleField; })[0];
        var text = entryFile(form, fields, today);
        taken.then(function (ids) {
          var used = ids && Array.isArray(ids[kind]) ? ids[kind] : [];
          var id = freeId(slugify(typed(form, titleField)) || kind, used, config.reservedId);
          showResult(form, config, kind, text, id);
        });
      });
    });
    root.hidden = false;
  }

  window.areaKnowledge.onEveryPage(setUpShare);
})();
