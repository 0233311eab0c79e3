/* My CPD record.
 *
 * A visitor marks the events they attended; the list is kept in their own
 * browser (localStorage, key "partnership-mycpd") and never sent anywhere.
 * The My CPD page lists it, one card per item, and counts it against Social
 * Work England's yearly requirement (at least two pieces of CPD, one with
 * peer reflection, in the CPD year from 1 December to 30 November). CPD dated
 * after today is "planned": shown, but not counted until it has happened.
 * Events tagged as peer reflection arrive marked as such.
 *
 * Each item is kept in the shape of Social Work England's online CPD form
 * (core/views/mycpd.py says where that comes from): its type, what was done
 * and why it is relevant, what was learned, the impact on practice and on
 * the people worked with, and peer reflection, each a field of its own. Each
 * card says which CPD year the item belongs to, since only this year's count.
 * The record is downloaded one CPD year at a time, in that shape, as Markdown
 * or as a Word document written by the docx library (vendor/docx/, served
 * from this site and loaded only when the Word download is asked for).
 *
 * Records saved before (version 1) had one "notes" box, which the download
 * put under "What did I learn?": they are moved into "learning" the first
 * time the record is read, and kept as version 2.
 */
(function () {
  "use strict";

  var KEY = "partnership-mycpd";
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

  /* ---------- storage ---------- */

  function storageWorks() {
    try {
      window.localStorage.setItem(KEY + "-test", "1");
      window.localStorage.removeItem(KEY + "-test");
      return true;
    } catch (error) {
      return false;
    }
  }

  var VERSION = 2;
  var ANSWERS = ["type", "did", "learning", "impact", "peerReflection"];

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (data && Array.isArray(data.items)) {
        if (data.version !== VERSION) {
          data = migrate(data);
          try {
            save(data);
          } catch (error) {
            /* read-only storage: the record is shown migrated all the same */
          }
        }
        return data;
      }
    } catch (error) {
      /* fall through to an empty record */
    }
    return { version: VERSION, items: [] };
  }

  /* Version 1 kept one notes box per item; the download put it under "What did I learn?", so it becomes the learning. */
  function migrate(data) {
    data.items.forEach(function (item) {
      if (typeof item.notes === "string" && item.notes && !item.learning) {
        item.learning = item.notes;
      }
      delete item.notes;
      ANSWERS.forEach(function (name) {
        if (typeof item[name] !== "string") {
          item[name] = "";
        }
      });
      item.peer = Boolean(item.peer);
    });
    data.version = VERSION;
    return data;
  }

  function save(data) {
    window.localStorage.setItem(KEY, JSON.stringify(data));
  }

  function find(data, id) {
    for (var i = 0; i < data.items.length; i += 1) {
      if (data.items[i].id === id) {
        return i;
      }
    }
    return -1;
  }

  function update(id, change) {
    var data = load();
    var at = find(data, id);
    if (at !== -1) {
      change(data.items[at]);
      save(data);
    }
  }

  /* ---------- dates ---------- */

  function parseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }

  function longDate(text) {
    var d = parseDate(text);
    return d ? d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() : "";
  }

  function startOfToday() {
    var now = new Date();
    return new Date(now.getFullYear(), now.getMonth(), now.getDate());
  }

  /* Social Work England's CPD year runs from 1 December to 30 November; it is named by the year it ends in. */
  function cpdYear(day) {
    var endYear = day.getMonth() === 11 ? day.getFullYear() + 1 : day.getFullYear();
    return yearEnding(endYear);
  }

  function yearEnding(endYear) {
    return {
      start: new Date(endYear - 1, 11, 1),
      end: new Date(endYear, 10, 30),
      endYear: endYear,
      label: "1 December " + (endYear - 1) + " to 30 November " + endYear,
      short: "1 Dec " + (endYear - 1) + " to 30 Nov " + endYear
    };
  }

  function inYear(item, year) {
    var d = parseDate(item.date);
    return Boolean(d) && d >= year.start && d <= year.end;
  }

  function planned(item) {
    var d = parseDate(item.date);
    return Boolean(d) && d > startOfToday();
  }

  function byDate(items) {
    return items.slice().sort(function (a, b) {
      return (a.date || "").localeCompare(b.date || "");
    });
  }

  /* ---------- event pages: the add/remove button ---------- */

  function setupToggles() {
    var buttons = document.querySelectorAll("[data-mycpd-toggle]");
    if (!buttons.length || !storageWorks()) {
      return;
    }
    Array.prototype.forEach.call(buttons, function (button) {
      var id = button.getAttribute("data-mycpd-toggle");
      function paint() {
        var on = find(load(), id) !== -1;
        button.setAttribute("aria-pressed", on ? "true" : "false");
        button.textContent = on ? "In your CPD record (remove)" : "Add to My CPD record";
      }
      button.hidden = false;
      paint();
      button.addEventListener("click", function () {
        var data = load();
        var at = find(data, id);
        if (at === -1) {
          var title = button.getAttribute("data-mycpd-title") || id;
          var provider = button.getAttribute("data-mycpd-provider") || "";
          var format = button.getAttribute("data-mycpd-format") || "";
          data.items.push({
            id: id,
            title: title,
            date: button.getAttribute("data-mycpd-date") || "",
            hours: button.getAttribute("data-mycpd-hours") || "",
            provider: provider,
            maps: (button.getAttribute("data-mycpd-items") || "").split("|").filter(Boolean),
            peer: button.getAttribute("data-mycpd-peer") === "true",
            type: button.getAttribute("data-mycpd-type") || "",
            did: "I took part in " + title + (format ? " (" + format + ")" : "") + (provider ? ", run by " + provider : "") + ".",
            learning: "",
            impact: "",
            peerReflection: ""
          });
        } else {
          data.items.splice(at, 1);
        }
        save(data);
        paint();
      });
    });
  }

  /* ---------- the My CPD page ---------- */

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    for (var name in attrs || {}) {
      if (Object.prototype.hasOwnProperty.call(attrs, name)) {
        node.setAttribute(name, attrs[name]);
      }
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function summaryRow(list, key, value) {
    var row = el("div", { "class": "cpd-summary__row" });
    row.appendChild(el("dt", { "class": "cpd-summary__key" }, key));
    var dd = el("dd", { "class": "cpd-summary__value" });
    if (typeof value === "string") {
      dd.textContent = value;
    } else {
      dd.appendChild(value);
    }
    row.appendChild(dd);
    list.appendChild(row);
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  function setupPage() {
    var app = document.querySelector("[data-mycpd-app]");
    if (!app) {
      return;
    }
    var unavailable = document.querySelector("[data-mycpd-unavailable]");
    if (!storageWorks()) {
      if (unavailable) {
        unavailable.hidden = false;
      }
      return;
    }
    app.hidden = false;
    var list = app.querySelector("[data-mycpd-items]");
    var empty = app.querySelector("[data-mycpd-empty]");
    var plannedNote = app.querySelector("[data-mycpd-planned-note]");
    var summary = app.querySelector("[data-mycpd-summary]");
    var yearSelect = app.querySelector("[data-mycpd-year]");
    var downloadError = app.querySelector("[data-mycpd-download-error]");
    var addForm = app.querySelector("[data-mycpd-add]");
    var year = cpdYear(startOfToday());

    var typeOptions = addForm ? Array.prototype.map.call(addForm.querySelectorAll("[data-mycpd-types] option"), function (option) {
      return option.value;
    }).filter(Boolean) : [];

    /* "CPD year 1 Dec 2025 to 30 Nov 2026: this year", or the year it belongs to, which is not counted now. */
    function yearNote(item) {
      var d = parseDate(item.date);
      if (!d) {
        return "No date: it counts in no CPD year until it has one.";
      }
      var its = cpdYear(d);
      if (its.endYear === year.endYear) {
        return "CPD year " + its.short + ": this year" + (planned(item) ? ", once it has happened." : ".");
      }
      return "CPD year " + its.short + (its.endYear < year.endYear ? ": an earlier year, not counted in this one." : ": a later year, not counted in this one.");
    }

    function typeField(item, index) {
      var field = el("div", { "class": "cpd-field" });
      var id = "mycpd-type-" + index;
      field.appendChild(el("label", { "for": id }, "Type of CPD"));
      var select = el("select", { id: id });
      select.appendChild(el("option", { value: "" }, "Not chosen yet"));
      var kinds = typeOptions.slice();
      if (item.type && kinds.indexOf(item.type) === -1) {
        kinds.push(item.type);
      }
      kinds.forEach(function (kind) {
        select.appendChild(el("option", { value: kind }, kind));
      });
      select.value = item.type || "";
      select.addEventListener("change", function () {
        update(item.id, function (stored) {
          stored.type = select.value;
        });
      });
      field.appendChild(select);
      return field;
    }

    function answerField(item, index, question, typed) {
      var field = el("div", { "class": "cpd-field" });
      var id = "mycpd-" + question.id + "-" + index;
      var label = el("label", { "for": id }, question.ask);
      label.appendChild(el("span", { "class": "cpd-visually-hidden" }, " (" + item.title + ")"));
      field.appendChild(label);
      var box = el("textarea", { id: id, rows: "3" });
      box.value = item[question.name] || "";
      box.addEventListener("input", function () {
        update(item.id, function (stored) {
          stored[question.name] = box.value;
        });
        if (typed) {
          typed(box.value);
        }
      });
      field.appendChild(box);
      return field;
    }

    function card(item, index) {
      var li = el("li", { "class": "cpd-item" + (planned(item) ? " cpd-item--planned" : "") });
      var title = el("h3", { "class": "cpd-item__title" });
      if (item.id && item.id.indexOf("own-") !== 0) {
        title.appendChild(el("a", { href: app.getAttribute("data-mycpd-events") + item.id + "/" }, item.title));
      } else {
        title.appendChild(document.createTextNode(item.title));
      }
      if (planned(item)) {
        title.appendChild(document.createTextNode(" "));
        title.appendChild(el("strong", { "class": "cpd-tag cpd-tag--planned" }, "Planned"));
      }
      li.appendChild(title);
      li.appendChild(el("p", { "class": "cpd-item__year" + (inYear(item, year) ? "" : " cpd-item__year--other") }, yearNote(item)));
      var facts = el("dl", { "class": "cpd-summary cpd-item__facts" });
      var when = longDate(item.date) || "No date";
      summaryRow(facts, "Date", planned(item) ? when + " (planned: it counts once it has happened)" : when);
      if (item.hours) {
        summaryRow(facts, "Hours", String(item.hours));
      }
      if (item.provider) {
        summaryRow(facts, "Provider", item.provider);
      }
      li.appendChild(facts);

      li.appendChild(typeField(item, index));
      QUESTIONS.forEach(function (question) {
        if (question.name !== "peerReflection") {
          li.appendChild(answerField(item, index, question));
        }
      });

      var check = el("div", { "class": "cpd-check" });
      var peerId = "mycpd-peer-" + index;
      var peer = el("input", { type: "checkbox", id: peerId });
      peer.checked = Boolean(item.peer);
      peer.addEventListener("change", function () {
        update(item.id, function (stored) {
          stored.peer = peer.checked;
        });
        paintSummary();
      });
      check.appendChild(peer);
      check.appendChild(el("label", { "for": peerId }, "It included peer reflection"));
      li.appendChild(check);
      var reflection = answerField(item, index, QUESTIONS[QUESTIONS.length - 1], function (text) {
        if (text.trim() && !peer.checked) {
          peer.checked = true; /* writing a peer reflection is having had one */
          update(item.id, function (stored) {
            stored.peer = true;
          });
          paintSummary();
        }
      });
      li.appendChild(reflection);

      var actions = el("p", { "class": "cpd-item__actions" });
      var remove = el("button", { type: "button", "class": "cpd-linkbutton" }, "Remove");
      remove.appendChild(el("span", { "class": "cpd-visually-hidden" }, " " + item.title + " from your record"));
      remove.addEventListener("click", function () {
        var d = load();
        var at = find(d, item.id);
        if (at !== -1) {
          d.items.splice(at, 1);
          save(d);
          render();
          summary.focus();
        }
      });
      actions.appendChild(remove);
      li.appendChild(actions);
      return li;
    }

    function render() {
      var items = byDate(load().items);
      list.textContent = "";
      items.forEach(function (item, index) {
        list.appendChild(card(item, index));
      });
      list.hidden = items.length === 0;
      empty.hidden = items.length !== 0;
      plannedNote.hidden = !items.some(planned);
      paintYears(items);
      paintSummary();
    }

    function paintYears(items) {
      var chosen = yearSelect.value ? Number(yearSelect.value) : year.endYear;
      var years = [year.endYear];
      items.forEach(function (item) {
        var d = parseDate(item.date);
        if (d && !planned(item)) {
          var ending = cpdYear(d).endYear;
          if (years.indexOf(ending) === -1) {
            years.push(ending);
          }
        }
      });
      years.sort(function (a, b) {
        return b - a;
      });
      yearSelect.textContent = "";
      years.forEach(function (endYear) {
        var option = el("option", { value: String(endYear) }, yearEnding(endYear).short + (endYear === year.endYear ? " (this year)" : ""));
        yearSelect.appendChild(option);
      });
      yearSelect.value = String(years.indexOf(chosen) === -1 ? year.endYear : chosen);
    }

    function paintSummary() {
      var items = load().items.filter(function (item) {
        return inYear(item, year);
      });
      var done = items.filter(function (item) {
        return !planned(item);
      });
      var ahead = items.length - done.length;
      var peer = done.filter(function (item) {
        return item.peer;
      }).length;
      var deadline = "30 November " + year.endYear;
      var status;
      if (done.length >= 2 && peer >= 1) {
        status = "Status: done. You have what Social Work England asks for by " + deadline + "; remember to record it in your online account.";
      } else {
        var needed = [];
        if (done.length < 2) {
          needed.push(plural(2 - done.length, "more piece") + " of CPD");
        }
        if (peer < 1) {
          needed.push("one with peer reflection");
        }
        status = "Status: not yet. You need " + needed.join(" and ") + " by " + deadline + ".";
      }
      var others = load().items.length - items.length;
      var detail = " This CPD year (" + year.label + "): " + plural(done.length, "piece") + " of CPD, " + peer + " with peer reflection" +
        (ahead ? "; " + ahead + " more planned, counted once " + (ahead === 1 ? "it has" : "they have") + " happened. " : ". ") +
        (others ? plural(others, "more piece") + " in your record " + (others === 1 ? "belongs to another CPD year (or has no date), so it does" : "belong to other CPD years (or have no date), so they do") + " not count now. " : "") +
        "Social Work England asks for at least 2 pieces a year, at least 1 with peer reflection.";
      summary.textContent = "";
      summary.appendChild(el("strong", {}, status));
      summary.appendChild(document.createTextNode(detail));
    }

    if (addForm) {
      addForm.addEventListener("submit", function (event) {
        event.preventDefault();
        var title = addForm.elements.title.value.trim();
        var date = addForm.elements.date.value;
        var error = addForm.querySelector("[data-mycpd-error]");
        if (!title || !parseDate(date)) {
          error.textContent = !title ? "Enter what the CPD was." : "Enter the date, like 2026-03-04.";
          error.hidden = false;
          (!title ? addForm.elements.title : addForm.elements.date).focus();
          return;
        }
        error.hidden = true;
        var data = load();
        data.items.push({
          id: "own-" + Date.now(),
          title: title,
          date: date,
          hours: addForm.elements.hours.value.trim(),
          provider: addForm.elements.provider.value.trim(),
          maps: [],
          peer: addForm.elements.peer.checked,
          type: addForm.elements.type ? addForm.elements.type.value : "",
          did: "",
          learning: "",
          impact: "",
          peerReflection: ""
        });
        save(data);
        addForm.reset();
        render();
        summary.focus();
      });
    }

    Array.prototype.forEach.call(app.querySelectorAll("[data-mycpd-download]"), function (button) {
      button.addEventListener("click", function () {
        var kind = button.getAttribute("data-mycpd-download");
        var chosen = yearEnding(Number(yearSelect.value || year.endYear));
        var items = byDate(load().items).filter(function (item) {
          return inYear(item, chosen) && !planned(item);
        });
        var name = "my-cpd-record-to-30-november-" + chosen.endYear;
        downloadError.hidden = true;
        if (kind === "md") {
          download(name + ".md", new Blob([markdown(items, chosen)], { type: "text/markdown;charset=utf-8" }));
          return;
        }
        button.disabled = true;
        loadDocx(app.getAttribute("data-mycpd-docx"))
          .then(function (library) {
            return library.Packer.toBlob(wordDocument(library, items, chosen));
          })
          .then(function (blob) {
            download(name + ".docx", blob);
          })
          .catch(function () {
            downloadError.textContent = "The Word document could not be made in this browser. Download the record as Markdown instead, or try again.";
            downloadError.hidden = false;
          })
          .then(function () {
            button.disabled = false;
          });
      });
    });

    var clear = app.querySelector("[data-mycpd-clear]");
    if (clear) {
      clear.addEventListener("click", function () {
        if (window.confirm("Remove every entry from your CPD record in this browser?")) {
          window.localStorage.removeItem(KEY);
          render();
        }
      });
    }
    render();
  }

  function download(name, blob) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    window.setTimeout(function () {
      URL.revokeObjectURL(link.href);
      link.remove();
    }, 1000);
  }

  /* The docx library, from this site, the first time a Word record is asked for. */
  var docxLoading = null;

  function loadDocx(address) {
    if (window.docx) {
      return Promise.resolve(window.docx);
    }
    if (!docxLoading) {
      docxLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = address;
        script.onload = function () {
          if (window.docx) {
            resolve(window.docx);
          } else {
            reject(new Error("docx did not load"));
          }
        };
        script.onerror = function () {
          docxLoading = null;
          reject(new Error("docx could not be fetched"));
        };
        document.head.appendChild(script);
      });
    }
    return docxLoading;
  }

  /* ---------- the record, as Markdown and as Word ---------- */

  /* Social Work England's questions, in the order its online form asks them (core/views/mycpd.py). */
  var QUESTIONS = [
    { name: "did", id: "did", ask: "What did you do, and why is it relevant to your practice?", heading: "What I did, and why it is relevant to my practice" },
    { name: "learning", id: "learning", ask: "What did you learn?", heading: "What I learned" },
    {
      name: "impact",
      id: "impact",
      ask: "How has it changed your practice, or how will it? What difference does it make to the people you work with?",
      heading: "The impact on my practice, and on the people I work with"
    },
    {
      name: "peerReflection",
      id: "peer-reflection",
      ask: "Peer reflection: what did you learn from discussing it with a colleague?",
      heading: "Peer reflection: what I learned from discussing it with a peer"
    }
  ];

  var REQUIREMENT = "Social Work England asks for at least two pieces of CPD, at least one with peer reflection.";

  function facts(item) {
    var its = parseDate(item.date);
    return [
      ["Date", longDate(item.date)],
      ["Type of CPD", item.type || ""],
      ["CPD year", its ? cpdYear(its).label : ""],
      ["Provider", item.provider || ""],
      ["CPD hours", item.hours ? String(item.hours) : ""],
      ["Maps to", (item.maps || []).join("; ")],
      ["Peer reflection", item.peer ? "Yes" : "No"]
    ];
  }

  function markdown(items, year) {
    var lines = [
      "# My CPD record",
      "",
      "CPD year: " + year.label + ". " + REQUIREMENT,
      "",
      "Name: ",
      "",
      "Social Work England registration number: ",
      ""
    ];
    items.forEach(function (item, index) {
      lines.push("## " + (index + 1) + ". " + item.title, "");
      facts(item).forEach(function (pair) {
        lines.push("- " + pair[0] + ": " + pair[1]);
      });
      lines.push("");
      QUESTIONS.forEach(function (question) {
        lines.push("### " + question.heading, "");
        lines.push(item[question.name] || "", "");
      });
    });
    if (!items.length) {
      lines.push("No CPD recorded in this CPD year yet.", "");
    }
    return lines.join("\n");
  }

  function wordDocument(d, items, year) {
    function text(value) {
      var lines = String(value || "").split("\n");
      return new d.Paragraph({
        children: lines.map(function (line, i) {
          return new d.TextRun({ text: line, "break": i ? 1 : 0 });
        })
      });
    }
    function cell(value, header) {
      return new d.TableCell({
        width: { size: header ? 2600 : 6400, type: d.WidthType.DXA },
        children: [new d.Paragraph({ keepNext: header, children: [new d.TextRun({ text: value, bold: header })] })]
      });
    }
    function table(rows) {
      return new d.Table({
        width: { size: 9000, type: d.WidthType.DXA },
        columnWidths: [2600, 6400],
        rows: [new d.TableRow({ tableHeader: true, children: [cell("Detail", true), cell("Entry", true)] })].concat(
          rows.map(function (pair) {
            return new d.TableRow({ children: [cell(pair[0], true), cell(pair[1], false)] });
          })
        )
      });
    }
    var children = [
      new d.Paragraph({ text: "My CPD record", heading: d.HeadingLevel.TITLE }),
      new d.Paragraph({ text: "CPD year: " + year.label + ". " + REQUIREMENT }),
      text("Name: "),
      text("Social Work England registration number: ")
    ];
    items.forEach(function (item, index) {
      children.push(new d.Paragraph({ text: (index + 1) + ". " + item.title, heading: d.HeadingLevel.HEADING_1 }));
      children.push(table(facts(item)));
      QUESTIONS.forEach(function (question) {
        children.push(new d.Paragraph({ text: question.heading, heading: d.HeadingLevel.HEADING_2 }));
        children.push(text(item[question.name] || ""));
      });
    });
    if (!items.length) {
      children.push(text("No CPD recorded in this CPD year yet."));
    }
    return new d.Document({
      title: "My CPD record",
      description: "CPD year " + year.label,
      styles: {
        "default": {
          document: { run: { font: "Arial", size: 24, language: { value: "en-GB" } }, paragraph: { spacing: { after: 160, line: 276 } } },
          title: { run: { font: "Arial", size: 44, bold: true, color: "000000" }, paragraph: { spacing: { after: 240 } } },
          heading1: { run: { font: "Arial", size: 32, bold: true, color: "000000" }, paragraph: { spacing: { before: 480, after: 160 } } },
          heading2: { run: { font: "Arial", size: 26, bold: true, color: "000000" }, paragraph: { spacing: { before: 240, after: 80 } } }
        }
      },
      sections: [
        {
          properties: {
            page: { size: { width: 11906, height: 16838 }, margin: { top: 1134, right: 1134, bottom: 1134, left: 1134 } }
          },
          children: children
        }
      ]
    });
  }

  function start() {
    setupToggles();
    setupPage();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
