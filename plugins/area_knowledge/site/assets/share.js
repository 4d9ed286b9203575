// "Share your practice": the forms write a file to the content contract and
// open GitHub's "create new file" page with it filled in.

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

  function checked(form, name) {
    return Array.prototype.map.call(form.querySelectorAll("input[name='" + name + "']:checked"),
      function (box) { return box.value; });
  }

  function chosen(form, name) {
    var values = [];
    form.querySelectorAll("select[name='" + name + "']").forEach(function (select) {
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

  function caseStudyFile(form, today) {
    var text = "---\n";
    text += "title: " + yamlText(form.elements.title.value.trim()) + "\n";
    text += "summary: " + yamlText(form.elements.summary.value.replace(/\s+/g, " ").trim()) + "\n";
    text += yamlList("themes", checked(form, "themes"));
    text += yamlList("schools", chosen(form, "schools"));
    if (form.elements.hub && form.elements.hub.value) text += "hub: " + form.elements.hub.value + "\n";
    text += yamlList("contacts", chosen(form, "contacts"));
    text += yamlList("phases", checked(form, "phases"));
    text += "published: " + isoDate(today) + "\n";
    var impact = "";
    form.querySelectorAll(".ak-impact__row").forEach(function (row) {
      var measure = row.querySelector("[name=measure]").value.trim();
      var result = row.querySelector("[name=result]").value.trim();
      if (!measure && !result) return;
      impact += "  - measure: " + yamlText(measure) + "\n    result: " + yamlText(result) +
        "\n    evidence: " + row.querySelector("[name=evidence]").value + "\n";
    });
    if (impact) text += "impact:\n" + impact;
    return text + "---\n\n" + body(form);
  }

  function practitionerFile(form, today) {
    var text = "---\n";
    text += "name: " + yamlText(form.elements.name.value.trim()) + "\n";
    text += "role: " + yamlText(form.elements.role.value.trim()) + "\n";
    text += "school: " + chosen(form, "school")[0] + "\n";
    text += yamlList("themes", checked(form, "themes"));
    text += yamlList("phases", checked(form, "phases"));
    text += yamlList("designations", checked(form, "designations"));
    text += yamlList("offers", checked(form, "offers"));
    text += "availability: " + form.elements.availability.value + "\n";
    var contact = form.elements.contact.value.trim();
    if (contact) text += "contact: " + yamlText(contact) + "\n";
    text += "consent: " + isoDate(today) + "\n";
    text += "review_by: " + isoDate(aYearAfter(today)) + "\n";
    return text + "---\n\n" + body(form);
  }

  // Problems in the order of the form's fields, as the summary lists them.
  function problems(form, kind, limit) {
    var found = [];
    function need(id, ok, message) { if (!ok) found.push({ id: id, message: message }); }
    if (kind === "case-study") {
      need("cs-title", form.elements.title.value.trim(), "Enter a title");
      var summary = form.elements.summary.value.trim();
      need("cs-summary", summary, "Enter a summary of what was done and what changed");
      need("cs-summary", summary.length <= limit, "Shorten the summary to " + limit + " characters");
      need("cs-themes", checked(form, "themes").length, "Choose at least one theme");
      need("cs-schools", chosen(form, "schools").length, "Choose at least one school");
    } else {
      need("pr-name", form.elements.name.value.trim(), "Enter your name");
      need("pr-role", form.elements.role.value.trim(), "Enter your role");
      need("pr-school", chosen(form, "school").length, "Choose your school");
      need("pr-themes", checked(form, "themes").length, "Choose at least one theme");
      var contact = form.elements.contact.value.trim();
      need("pr-contact", !contact || /^[^@\s<>"']+@[^@\s<>"']+\.[^@\s<>"']+$/.test(contact),
        "Enter a work e-mail address like name@school.sch.uk, or leave it empty");
      need("pr-consent", form.elements.consent.checked,
        "Agree to be listed, or the partnership cannot publish your entry");
    }
    return found;
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

  // Not a published entry's id, nor one the site's own pages use (resolution.py).
  function freeId(base, taken, reserved) {
    var id = base;
    var pattern = new RegExp("^(?:" + reserved + ")$");
    for (var n = 2; taken.indexOf(id) >= 0 || pattern.test(id); n++) id = base + "-" + n;
    return id;
  }

  function showResult(form, config, kind, text, id) {
    var result = form.querySelector("[data-ak-result]");
    var path = "content/" + config.folders[kind] + "/" + id + ".md";
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
      link.href = config.newFileUrl + config.folders[kind] + "?filename=" + encodeURIComponent(id + ".md") +
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

  function setUpShare() {
    var root = document.querySelector("[data-ak-share]");
    if (!root || root.getAttribute("data-ak-ready")) return;
    root.setAttribute("data-ak-ready", "true");
    var config = JSON.parse(root.getAttribute("data-ak-config"));
    root.querySelectorAll("[data-ak-share-form]").forEach(function (form) {
      var kind = form.getAttribute("data-ak-share-form");
      addSections(form, config, kind);
      setUpRepeats(form);
      var summary = form.elements.summary;
      var count = form.querySelector("[data-ak-count]");
      if (summary && count) {
        var update = function () {
          count.textContent = (config.summaryLimit - summary.value.length) + " characters left";
        };
        summary.addEventListener("input", update);
        update();
      }
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var found = problems(form, kind, config.summaryLimit);
        showProblems(form, found);
        if (found.length) {
          form.querySelector("[data-ak-result]").hidden = true;
          return;
        }
        var today = new Date();
        var title = kind === "case-study" ? form.elements.title.value : form.elements.name.value;
        var id = freeId(slugify(title) || kind, config.takenIds[kind] || [], config.reservedId);
        var text = kind === "case-study" ? caseStudyFile(form, today) : practitionerFile(form, today);
        showResult(form, config, kind, text, id);
      });
    });
    root.hidden = false;
  }

  window.areaKnowledge.onEveryPage(setUpShare);
})();
