/* My CPD record.
 *
 * A visitor marks the events they attended; the list is kept in their own
 * browser (localStorage, key "partnership-mycpd") and never sent anywhere.
 * The My CPD page lists it, counts it against Social Work England's yearly
 * requirement (at least two pieces of CPD, one with peer reflection, by
 * 30 November), keeps draft reflections, and downloads a record as Markdown
 * or as a Word document (written here: a small .docx needs no library).
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

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(KEY) || "null");
      if (data && Array.isArray(data.items)) {
        return data;
      }
    } catch (error) {
      /* fall through to an empty record */
    }
    return { version: 1, items: [] };
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

  /* ---------- dates ---------- */

  function parseDate(text) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
    return m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
  }

  function longDate(text) {
    var d = parseDate(text);
    return d ? d.getDate() + " " + MONTHS[d.getMonth()] + " " + d.getFullYear() : "";
  }

  /* Social Work England's CPD year runs from 1 December to 30 November. */
  function cpdYear(today) {
    var endYear = today.getMonth() === 11 ? today.getFullYear() + 1 : today.getFullYear();
    return { start: new Date(endYear - 1, 11, 1), end: new Date(endYear, 10, 30), endYear: endYear };
  }

  function inYear(item, year) {
    var d = parseDate(item.date);
    return d && d >= year.start && d <= year.end;
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
          data.items.push({
            id: id,
            title: button.getAttribute("data-mycpd-title") || id,
            date: button.getAttribute("data-mycpd-date") || "",
            hours: button.getAttribute("data-mycpd-hours") || "",
            provider: button.getAttribute("data-mycpd-provider") || "",
            maps: (button.getAttribute("data-mycpd-items") || "").split("|").filter(Boolean),
            peer: false,
            notes: ""
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
    var body = app.querySelector("[data-mycpd-rows]");
    var table = app.querySelector("[data-mycpd-table]");
    var empty = app.querySelector("[data-mycpd-empty]");
    var summary = app.querySelector("[data-mycpd-summary]");
    var addForm = app.querySelector("[data-mycpd-add]");
    var today = new Date();
    var year = cpdYear(today);

    function render() {
      var data = load();
      data.items.sort(function (a, b) {
        return (a.date || "").localeCompare(b.date || "");
      });
      body.textContent = "";
      data.items.forEach(function (item, index) {
        var row = el("tr");
        var title = el("th", { scope: "row" });
        if (item.id && item.id.indexOf("own-") !== 0) {
          title.appendChild(el("a", { href: app.getAttribute("data-mycpd-events") + item.id + "/" }, item.title));
        } else {
          title.textContent = item.title;
        }
        row.appendChild(title);
        row.appendChild(el("td", {}, longDate(item.date)));
        row.appendChild(el("td", { "class": "cpd-num" }, item.hours ? String(item.hours) : ""));
        var peerCell = el("td");
        var peerId = "mycpd-peer-" + index;
        var peer = el("input", { type: "checkbox", id: peerId });
        peer.checked = Boolean(item.peer);
        peer.addEventListener("change", function () {
          var d = load();
          var at = find(d, item.id);
          if (at !== -1) {
            d.items[at].peer = peer.checked;
            save(d);
            paintSummary();
          }
        });
        peerCell.appendChild(peer);
        peerCell.appendChild(el("label", { "for": peerId }, "With peer reflection"));
        row.appendChild(peerCell);
        var notesCell = el("td");
        var notesId = "mycpd-notes-" + index;
        notesCell.appendChild(el("label", { "for": notesId, "class": "cpd-visually-hidden" }, "Reflection notes on " + item.title));
        var notes = el("textarea", { id: notesId, rows: "3" });
        notes.value = item.notes || "";
        notes.addEventListener("input", function () {
          var d = load();
          var at = find(d, item.id);
          if (at !== -1) {
            d.items[at].notes = notes.value;
            save(d);
          }
        });
        notesCell.appendChild(notes);
        row.appendChild(notesCell);
        var removeCell = el("td");
        var remove = el("button", { type: "button", "class": "cpd-linkbutton" }, "Remove");
        remove.appendChild(el("span", { "class": "cpd-visually-hidden" }, " " + item.title));
        remove.addEventListener("click", function () {
          var d = load();
          var at = find(d, item.id);
          if (at !== -1) {
            d.items.splice(at, 1);
            save(d);
            render();
          }
        });
        removeCell.appendChild(remove);
        row.appendChild(removeCell);
        body.appendChild(row);
      });
      table.hidden = data.items.length === 0;
      empty.hidden = data.items.length !== 0;
      paintSummary();
    }

    function paintSummary() {
      var items = load().items.filter(function (item) {
        return inYear(item, year);
      });
      var peer = items.filter(function (item) {
        return item.peer;
      }).length;
      var done = items.length >= 2 && peer >= 1;
      var deadline = "30 November " + year.endYear;
      var text = "This CPD year (1 December " + (year.endYear - 1) + " to " + deadline + "): " +
        items.length + (items.length === 1 ? " piece" : " pieces") + " of CPD, " +
        peer + " with peer reflection. ";
      if (done) {
        text += "Status: done. You have what Social Work England asks for by " + deadline + "; remember to record it in your online account.";
      } else {
        var needed = [];
        if (items.length < 2) {
          needed.push((2 - items.length) + " more piece" + (2 - items.length === 1 ? "" : "s"));
        }
        if (peer < 1) {
          needed.push("one with peer reflection");
        }
        text += "Status: not yet. Social Work England asks for at least 2 pieces, at least 1 with peer reflection, by " + deadline + ": you need " + needed.join(" and ") + ".";
      }
      summary.textContent = text;
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
          notes: ""
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
        var record = load();
        var stamp = today.toISOString().slice(0, 10);
        if (kind === "md") {
          download("my-cpd-record-" + stamp + ".md", new Blob([markdown(record, year)], { type: "text/markdown;charset=utf-8" }));
        } else {
          download("my-cpd-record-" + stamp + ".docx", new Blob([docx(record, year)], {
            type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          }));
        }
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

  /* ---------- the record, as Markdown and as Word ---------- */

  var QUESTIONS = [
    "What did I do?",
    "What did I learn?",
    "How has it changed my practice, and what will I do differently?",
    "Peer reflection: who did I reflect with, and what did we discuss?"
  ];

  function facts(item) {
    return [
      ["Date", longDate(item.date)],
      ["Provider", item.provider || ""],
      ["CPD hours", item.hours ? String(item.hours) : ""],
      ["Maps to", (item.maps || []).join("; ")],
      ["Peer reflection", item.peer ? "Yes" : "No"]
    ];
  }

  function byDate(record) {
    return record.items.slice().sort(function (a, b) {
      return (a.date || "").localeCompare(b.date || "");
    });
  }

  function markdown(record, year) {
    var lines = [
      "# My CPD record",
      "",
      "Name: ",
      "",
      "Social Work England registration number: ",
      "",
      "CPD year: 1 December " + (year.endYear - 1) + " to 30 November " + year.endYear +
        ". Social Work England asks for at least two pieces of CPD, at least one with peer reflection.",
      ""
    ];
    byDate(record).forEach(function (item, index) {
      lines.push("## " + (index + 1) + ". " + item.title, "");
      facts(item).forEach(function (pair) {
        lines.push("- " + pair[0] + ": " + pair[1]);
      });
      lines.push("");
      QUESTIONS.forEach(function (question, q) {
        lines.push("### " + question, "");
        lines.push(q === 1 && item.notes ? item.notes : "", "");
      });
    });
    if (!record.items.length) {
      lines.push("No CPD recorded yet.", "");
    }
    return lines.join("\n");
  }

  function xml(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  }

  function para(text, style) {
    var runs = String(text || "").split("\n").map(function (line, i) {
      return (i ? "<w:r><w:br/></w:r>" : "") + '<w:r><w:t xml:space="preserve">' + xml(line) + "</w:t></w:r>";
    }).join("");
    return "<w:p>" + (style ? '<w:pPr><w:pStyle w:val="' + style + '"/></w:pPr>' : "") + runs + "</w:p>";
  }

  function factTable(rows) {
    var cell = function (text, header) {
      return '<w:tc><w:tcPr><w:tcW w:w="' + (header ? 2600 : 6400) + '" w:type="dxa"/></w:tcPr>' +
        "<w:p>" + (header ? '<w:pPr><w:keepNext/></w:pPr><w:r><w:rPr><w:b/></w:rPr>' : "<w:r>") +
        '<w:t xml:space="preserve">' + xml(text) + "</w:t></w:r></w:p></w:tc>";
    };
    var head = '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + cell("Detail", true) + cell("Entry", true) + "</w:tr>";
    var body = rows.map(function (pair) {
      return "<w:tr>" + cell(pair[0], true) + cell(pair[1], false) + "</w:tr>";
    }).join("");
    return '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="9000" w:type="dxa"/>' +
      '<w:tblCaption w:val="Details of this CPD"/></w:tblPr>' +
      '<w:tblGrid><w:gridCol w:w="2600"/><w:gridCol w:w="6400"/></w:tblGrid>' + head + body + "</w:tbl>";
  }

  function documentXml(record, year) {
    var parts = [
      para("My CPD record", "Title"),
      para("Name: "),
      para("Social Work England registration number: "),
      para("CPD year: 1 December " + (year.endYear - 1) + " to 30 November " + year.endYear +
        ". Social Work England asks for at least two pieces of CPD, at least one with peer reflection.")
    ];
    byDate(record).forEach(function (item, index) {
      parts.push(para((index + 1) + ". " + item.title, "Heading1"));
      parts.push(factTable(facts(item)));
      QUESTIONS.forEach(function (question, q) {
        parts.push(para(question, "Heading2"));
        parts.push(para(q === 1 && item.notes ? item.notes : ""));
      });
    });
    if (!record.items.length) {
      parts.push(para("No CPD recorded yet."));
    }
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>' +
      parts.join("") +
      '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>' +
      "</w:body></w:document>";
  }

  var STYLES = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial"/><w:sz w:val="24"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:rPr><w:b/><w:sz w:val="44"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="360"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="26"/></w:rPr></w:style>' +
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders>' +
    '<w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
    '<w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
    '<w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/>' +
    '</w:tblBorders><w:tblCellMar><w:left w:w="100" w:type="dxa"/><w:right w:w="100" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>";

  function docx(record, year) {
    var now = new Date().toISOString().replace(/\.\d+Z$/, "Z");
    var files = {
      "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
        '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        "</Types>",
      "_rels/.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
        "</Relationships>",
      "word/_rels/document.xml.rels": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>' +
        "</Relationships>",
      "word/document.xml": documentXml(record, year),
      "word/styles.xml": STYLES,
      "docProps/core.xml": '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        "<dc:title>My CPD record</dc:title><dc:language>en-GB</dc:language>" +
        '<dcterms:created xsi:type="dcterms:W3CDTF">' + now + "</dcterms:created>" +
        "</cp:coreProperties>"
    };
    return zip(files);
  }

  /* A ZIP file with its entries stored (not compressed): all a .docx needs. */
  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n += 1) {
      var c = n;
      for (var k = 0; k < 8; k += 1) {
        c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      }
      table[n] = c >>> 0;
    }
    return table;
  })();

  function crc32(bytes) {
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i += 1) {
      crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
  }

  function zip(files) {
    var encoder = new TextEncoder();
    var chunks = [];
    var central = [];
    var offset = 0;
    var count = 0;
    function header(size) {
      var buffer = new ArrayBuffer(size);
      return { bytes: new Uint8Array(buffer), view: new DataView(buffer) };
    }
    Object.keys(files).forEach(function (name) {
      var nameBytes = encoder.encode(name);
      var data = encoder.encode(files[name]);
      var crc = crc32(data);
      var local = header(30);
      local.view.setUint32(0, 0x04034b50, true);
      local.view.setUint16(4, 20, true);
      local.view.setUint16(6, 0x0800, true);
      local.view.setUint16(8, 0, true);
      local.view.setUint16(10, 0, true);
      local.view.setUint16(12, 0x21, true);
      local.view.setUint32(14, crc, true);
      local.view.setUint32(18, data.length, true);
      local.view.setUint32(22, data.length, true);
      local.view.setUint16(26, nameBytes.length, true);
      local.view.setUint16(28, 0, true);
      chunks.push(local.bytes, nameBytes, data);
      var entry = header(46);
      entry.view.setUint32(0, 0x02014b50, true);
      entry.view.setUint16(4, 20, true);
      entry.view.setUint16(6, 20, true);
      entry.view.setUint16(8, 0x0800, true);
      entry.view.setUint16(10, 0, true);
      entry.view.setUint16(12, 0, true);
      entry.view.setUint16(14, 0x21, true);
      entry.view.setUint32(16, crc, true);
      entry.view.setUint32(20, data.length, true);
      entry.view.setUint32(24, data.length, true);
      entry.view.setUint16(28, nameBytes.length, true);
      entry.view.setUint32(42, offset, true);
      central.push(entry.bytes, nameBytes);
      offset += 30 + nameBytes.length + data.length;
      count += 1;
    });
    var centralSize = central.reduce(function (sum, part) {
      return sum + part.length;
    }, 0);
    var end = header(22);
    end.view.setUint32(0, 0x06054b50, true);
    end.view.setUint16(8, count, true);
    end.view.setUint16(10, count, true);
    end.view.setUint32(12, centralSize, true);
    end.view.setUint32(16, offset, true);
    return new Blob(chunks.concat(central, [end.bytes]));
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
