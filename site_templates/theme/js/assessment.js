// The self-assessment page: answers kept in this browser, live results, export, import, clearing.
// Without this script the page is a complete form to fill in and print; this only adds to it.
// The scores follow generator/assessment/scoring.py rule for rule (a browser test compares the
// page with `playbook report`), and the chart follows generator/assessment/chart.py. Every word
// comes from the page: the form's own legends, and the JSON block rendered from strings.yml.
(function () {
  "use strict";
  var form = document.getElementById("assessment-form");
  var block = document.getElementById("assessment-data");
  if (!form || !block) return;
  var data = JSON.parse(block.textContent);
  var tools = document.getElementById("assessment-tools");
  var errorBox = document.getElementById("assessment-error");
  var statusBox = document.getElementById("assessment-status");
  var results = document.getElementById("assessment-results");
  var resultsBody = document.getElementById("results-body");
  var PARTS = ["today", "target"];
  var FIELDS = ["format", "format_version", "model_version", "service", "date", "language", "answers"];
  var ANSWER_FIELDS = ["today", "target", "notes"];
  var SVG = "http://www.w3.org/2000/svg";

  var choiceById = {};
  data.choices.forEach(function (choice) { choiceById[choice.id] = choice; });
  var top = Math.max.apply(null, data.choices.map(function (choice) { return choice.score || 0; }));
  var statementById = {};
  data.statements.forEach(function (statement, index) {
    var legend = document.getElementById("rate-" + statement.id).firstElementChild;
    statement.text = legend.textContent.replace(/[ \t\r\n]+/g, " ").trim();
    statement.index = index;
    statementById[statement.id] = statement;
  });

  function say(key, values) {
    return data.strings[key].replace(/\{(\w+)\}/g, function (whole, name) {
      return values && name in values ? String(values[name]) : whole;
    });
  }

  function number(value) {
    if (value === null) return "—";
    var shown = (Math.floor(value * 10 + 0.5) / 10).toFixed(1);
    return shown.replace(".", say("report.decimal_mark"));
  }

  // --- answers: the state, the form and the browser's storage ---------------------------------

  function blank() { return { service: "", language: null, answers: {} }; }

  function isNote(value) {
    if (typeof value === "string") return true;
    if (!value || typeof value !== "object" || Array.isArray(value)) return false;
    return Object.keys(value).every(function (code) { return typeof value[code] === "string"; });
  }

  function noteText(note) {
    if (!note) return "";
    if (typeof note === "string") return note;
    if (data.language in note) return note[data.language];
    var codes = Object.keys(note);
    return codes.length ? note[codes[0]] : "";
  }

  function hasText(note) {
    if (!note) return false;
    if (typeof note === "string") return note.trim() !== "";
    return Object.keys(note).some(function (code) { return note[code].trim() !== ""; });
  }

  // A note written on this page: a note in several languages keeps the others.
  function edited(note, text) {
    if (note && typeof note === "object") {
      var copy = {};
      Object.keys(note).forEach(function (code) { copy[code] = note[code]; });
      copy[data.language] = text;
      return copy;
    }
    return text;
  }

  // The answers as a file: what is stored, and, with a date, what is exported.
  function asFile(state, date) {
    var file = { format: data.format, format_version: data.formatVersion, model_version: data.modelVersion };
    if (hasText(state.service)) file.service = state.service;
    if (date) file.date = date;
    if (state.language || date) file.language = state.language || data.language;
    file.answers = {};
    data.statements.forEach(function (statement) {
      var answer = state.answers[statement.id];
      if (!answer) return;
      var kept = {};
      PARTS.forEach(function (part) { if (answer[part]) kept[part] = answer[part]; });
      if (hasText(answer.notes)) kept.notes = answer.notes;
      if (Object.keys(kept).length) file.answers[statement.id] = kept;
    });
    return file;
  }

  function answered(state) { return Object.keys(asFile(state).answers).length; }

  // A parsed file checked as `playbook report` checks it: { state } or { problem: [key, values] }.
  // Stored answers are `lenient`: those for statements no longer in the model are dropped.
  function adopt(file, lenient) {
    function invalid(where) { return { problem: ["assessment.error_invalid", { where: where }] }; }
    if (!file || typeof file !== "object" || Array.isArray(file) || file.format !== data.format) {
      return { problem: ["assessment.error_not_assessment", {}] };
    }
    if (file.format_version !== data.formatVersion) {
      if (!("format_version" in file)) return invalid("format_version");
      return { problem: ["assessment.error_format_version", { found: JSON.stringify(file.format_version), supported: data.formatVersion }] };
    }
    var stray = Object.keys(file).filter(function (key) { return FIELDS.indexOf(key) < 0; });
    if (stray.length) return invalid(stray[0]);
    if (file.model_version != null && typeof file.model_version !== "string") return invalid("model_version");
    if (!lenient && file.model_version != null && file.model_version !== data.modelVersion) {
      return { problem: ["assessment.error_model_version", { found: file.model_version, current: data.modelVersion }] };
    }
    if ("service" in file && !isNote(file.service)) return invalid("service");
    if (file.language != null && !/^[a-z]{2,3}$/.test(file.language)) return invalid("language");
    if (file.date != null && !/^\d{4}-\d{2}-\d{2}$/.test(file.date)) return invalid("date");
    var answers = file.answers == null ? {} : file.answers;
    if (typeof answers !== "object" || Array.isArray(answers)) return invalid("answers");
    var state = blank();
    state.service = file.service || "";
    state.language = file.language || null;
    var unknown = [], offScale = [], wrong = null;
    Object.keys(answers).forEach(function (id) {
      var answer = answers[id], where = "answers." + id;
      if (!answer || typeof answer !== "object" || Array.isArray(answer)) { wrong = wrong || where; return; }
      Object.keys(answer).forEach(function (key) {
        if (ANSWER_FIELDS.indexOf(key) < 0) wrong = wrong || where + "." + key;
      });
      if (answer.notes != null && !isNote(answer.notes)) wrong = wrong || where + ".notes";
      if (!statementById[id]) { unknown.push(id); return; }
      var kept = { notes: answer.notes || "" };
      PARTS.forEach(function (part) {
        var value = answer[part];
        if (value == null) return;
        if (typeof value === "string" && choiceById[value]) kept[part] = value;
        else if (offScale.indexOf(id) < 0) offScale.push(id);
      });
      state.answers[id] = kept;
    });
    if (wrong) return invalid(wrong);
    if (!lenient && unknown.length) return { problem: ["assessment.error_unknown_statements", { ids: unknown.join(", ") }] };
    if (!lenient && offScale.length) return { problem: ["assessment.error_bad_ratings", { ids: offScale.join(", ") }] };
    return { state: state, dropped: unknown.length };
  }

  var storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(data.storageKey + ":test", "1");
    storage.removeItem(data.storageKey + ":test");
  } catch (error) {
    storage = null;
  }

  function restore() {
    var saved = null;
    try { saved = JSON.parse(storage && storage.getItem(data.storageKey)); } catch (error) { saved = null; }
    var outcome = saved ? adopt(saved, true) : null;
    return outcome && outcome.state ? outcome : { state: blank(), dropped: 0 };
  }

  function save() {
    if (!storage) return;
    try {
      if (answered(state) || hasText(state.service)) {
        storage.setItem(data.storageKey, JSON.stringify(asFile(state)));
      } else {
        storage.removeItem(data.storageKey);
      }
    } catch (error) {
      tell("assessment.storage_unavailable");
    }
  }

  function fill() {
    form.elements.service.value = noteText(state.service);
    data.statements.forEach(function (statement) {
      var answer = state.answers[statement.id] || {};
      PARTS.forEach(function (part) {
        var radios = form.querySelectorAll('input[name="' + part + ":" + statement.id + '"]');
        Array.prototype.forEach.call(radios, function (radio) { radio.checked = radio.value === answer[part]; });
      });
      form.elements["notes:" + statement.id].value = noteText(answer.notes);
    });
  }

  function edit(event) {
    var field = event.target;
    var radio = field.type === "radio";
    if ((event.type === "change") !== radio) return; // text on "input", radios on "change"
    if (field.name === "service") {
      state.service = edited(state.service, field.value);
      if (typeof state.service === "string") state.language = data.language;
      save();
      return;
    }
    var cut = field.name.indexOf(":");
    var part = field.name.slice(0, cut), id = field.name.slice(cut + 1);
    if (cut < 0 || !statementById[id]) return;
    var answer = state.answers[id] || (state.answers[id] = {});
    if (part === "notes") {
      answer.notes = edited(answer.notes, field.value);
      if (typeof answer.notes === "string") state.language = data.language;
    } else if (radio && field.checked) {
      answer[part] = field.value;
    }
    save();
    if (part !== "notes" && !results.hidden) showResults(false);
  }

  // --- messages ------------------------------------------------------------------------------

  function tell(key, values) {
    errorBox.textContent = "";
    statusBox.textContent = say(key, values);
  }

  function fail(key, values) {
    statusBox.textContent = "";
    errorBox.textContent = say(key, values);
  }

  // --- scores, as in scoring.py ----------------------------------------------------------------

  function scoreOf(choice) {
    return choice && choiceById[choice] ? choiceById[choice].score : null;
  }

  function average(values) {
    var counted = values.filter(function (value) { return value !== null; });
    if (!counted.length) return null;
    return counted.reduce(function (sum, value) { return sum + value; }, 0) / counted.length;
  }

  function group(id, members) {
    var today = average(members.map(function (m) { return m.todayScore; }));
    var target = average(members.map(function (m) { return m.targetScore; }));
    return {
      id: id,
      today: today,
      target: target,
      gap: today === null || target === null ? null : target - today,
      ratedToday: members.filter(function (m) { return m.todayScore !== null; }).length,
      ratedTarget: members.filter(function (m) { return m.targetScore !== null; }).length,
      statements: members.length
    };
  }

  function rankingKey(value) { return Math.floor(value * 1000000 + 0.5); }

  function assess() {
    var scores = data.statements.map(function (statement) {
      var answer = state.answers[statement.id] || {};
      return {
        statement: statement,
        today: answer.today || null,
        target: answer.target || null,
        todayScore: scoreOf(answer.today),
        targetScore: scoreOf(answer.target)
      };
    });
    var attributes = data.attributes.map(function (attribute) {
      return group(attribute.id, scores.filter(function (s) { return s.statement.attribute === attribute.id; }));
    });
    var byResult = data.results.map(function (result) {
      return group(result.id, scores.filter(function (s) { return s.statement.results.indexOf(result.id) >= 0; }));
    });
    var gaps = attributes
      .map(function (g, index) { return { group: g, index: index }; })
      .filter(function (item) { return item.group.gap !== null && rankingKey(item.group.gap) > 0; })
      .sort(function (a, b) { return rankingKey(b.group.gap) - rankingKey(a.group.gap) || a.index - b.index; })
      .map(function (item) { return item.group; });
    return {
      scores: scores,
      attributes: attributes,
      results: byResult,
      overall: group("overall", scores),
      gaps: gaps,
      plays: recommend(scores)
    };
  }

  function goal(score) { return score.targetScore !== null ? score.targetScore : top; }

  function recommend(scores) {
    var candidates = scores.filter(function (s) { return s.todayScore !== null && s.todayScore < goal(s); });
    var ranked = [];
    data.plays.forEach(function (play, index) {
      var advanced = candidates.filter(function (s) { return play.statements.indexOf(s.statement.id) >= 0; });
      if (!advanced.length) return;
      var lowest = Math.min.apply(null, advanced.map(function (s) { return s.todayScore; }));
      var atLowest = advanced.filter(function (s) { return s.todayScore === lowest; }).length;
      var totalGap = advanced.reduce(function (sum, s) { return sum + goal(s) - s.todayScore; }, 0);
      advanced.sort(function (a, b) { return a.todayScore - b.todayScore || a.statement.index - b.statement.index; });
      ranked.push({ key: [lowest, -atLowest, -totalGap, index], play: play, statements: advanced });
    });
    ranked.sort(function (a, b) {
      for (var i = 0; i < a.key.length; i++) if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
      return 0;
    });
    return ranked.slice(0, data.recommendedPlays);
  }

  // --- the results view, as site_templates/pages/_report.html shows a report -------------------

  function node(tag, attributes, children, namespace) {
    var element = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      if (child !== null) element.appendChild(typeof child === "object" ? child : document.createTextNode(String(child)));
    });
    return element;
  }

  function svg(tag, attributes, children) { return node(tag, attributes, children, SVG); }

  function choiceLabel(choice) { return choice ? choiceById[choice].label : say("report.no_answer"); }

  function wrap(text, width) {
    var lines = [], current = "";
    text.split(/[ \t\r\n]+/).forEach(function (word) {
      if (!word) return;
      if (current && current.length + 1 + word.length > width) { lines.push(current); current = word; }
      else current = current ? current + " " + word : word;
    });
    if (current) lines.push(current);
    return lines.length ? lines : [""];
  }

  // Laid out as chart.py lays out the report's chart.
  function chart(id, titleKey, groups, names) {
    var WIDTH = 680, LEFT = 8, PLOT = WIDTH - LEFT - 48, BAR = 12, LINE = 18;
    var plotTop = 24 + 22, y = plotTop + 8, shapes = [], described = [];
    var notRated = say("report.not_rated");
    groups.forEach(function (g, index) {
      var label = names[index];
      var values = [[g.today, g.today === null ? notRated : number(g.today)], [g.target, g.target === null ? notRated : number(g.target)]];
      described.push(say("report.chart_row", { name: label, today: values[0][1], target: values[1][1] }));
      wrap(label, 74).forEach(function (line) {
        y += LINE;
        shapes.push(svg("text", { x: LEFT, y: y - 4, "font-weight": "bold" }, [line]));
      });
      y += 2;
      values.forEach(function (value, series) {
        var width = Math.round(PLOT * (value[0] || 0) / top * 10) / 10;
        shapes.push(series === 0
          ? svg("rect", { x: LEFT, y: y, width: width, height: BAR, fill: "#26374a" })
          : svg("rect", { x: LEFT + 1, y: y + 1, width: Math.max(width - 2, 0), height: BAR - 2, fill: "#ffffff", stroke: "#26374a", "stroke-width": 2 }));
        shapes.push(svg("text", { x: Math.round((LEFT + width + 6) * 10) / 10, y: y + BAR - 1, "font-size": 13 }, [value[1]]));
        y += BAR + 3;
      });
      y += 14;
    });
    var ticks = [];
    for (var step = 0; step <= top; step++) {
      var x = Math.round((LEFT + PLOT * step / top) * 10) / 10;
      ticks.push(svg("line", { x1: x, x2: x, y1: plotTop, y2: y - 6, stroke: "#aab2bb", "stroke-width": 1 }));
      ticks.push(svg("text", { x: x, y: plotTop - 6, "text-anchor": "middle", fill: "#4a4f55" }, [String(step)]));
    }
    var prefix = "results-" + id;
    return node("figure", { class: "chart" }, [svg("svg", {
      class: "bar-chart", role: "img", "aria-labelledby": prefix + "-title " + prefix + "-desc",
      viewBox: "0 0 " + WIDTH + " " + y, width: WIDTH, height: y, "font-size": 14, fill: "#1b1b1b"
    }, [
      svg("title", { id: prefix + "-title" }, [say(titleKey, { top: top })]),
      svg("desc", { id: prefix + "-desc" }, [described.join(" ")]),
      svg("rect", { x: LEFT, y: 4, width: 18, height: 12, fill: "#26374a" }),
      svg("text", { x: LEFT + 24, y: 15 }, [say("report.today_column")]),
      svg("rect", { x: LEFT + 161, y: 5, width: 16, height: 10, fill: "#ffffff", stroke: "#26374a", "stroke-width": 2 }),
      svg("text", { x: LEFT + 184, y: 15 }, [say("report.target_column")])
    ].concat(ticks, shapes))]);
  }

  function scoreRow(g, name, cell) {
    return node("tr", { "data-id": g.id }, [
      node("th", { scope: "row" }, [name]),
      node(cell, { "data-score": "today" }, [number(g.today)]),
      node(cell, { "data-score": "target" }, [number(g.target)]),
      node(cell, { "data-score": "gap" }, [number(g.gap)]),
      node(cell, {}, [say("report.rated_value", { rated: g.ratedToday, total: g.statements })])
    ]);
  }

  function scoreTable(kind, groups, names, overall) {
    var head = ["report." + kind + "_column", "report.today_column", "report.target_column", "report.gap_column", "report.rated_column"];
    return node("div", { class: "table-wrap" }, [node("table", { class: "grid score-table", id: "results-" + kind + "-scores", "data-scores": kind }, [
      node("caption", {}, [say("report." + kind + "_caption")]),
      node("thead", {}, [node("tr", {}, head.map(function (key) { return node("th", { scope: "col" }, [say(key)]); }))]),
      node("tbody", {}, groups.map(function (g, index) { return scoreRow(g, names[index], "td"); })),
      overall ? node("tfoot", {}, [scoreRow(overall, say("report.overall"), "td")]) : null
    ])]);
  }

  function render(found) {
    var overall = found.overall, parts = [];
    if (!overall.ratedToday && !overall.ratedTarget) return [node("p", {}, [say("assessment.results_empty")])];
    var attributeNames = data.attributes.map(function (a) { return a.name; });
    var resultNames = data.results.map(function (r) { return r.name; });
    var facts = [];
    var service = noteText(state.service).trim();
    if (service) facts.push(node("dt", {}, [say("report.service")]), node("dd", {}, [service]));
    [["report.rated_today", say("report.rated_value", { rated: overall.ratedToday, total: overall.statements })],
      ["report.rated_target", say("report.rated_value", { rated: overall.ratedTarget, total: overall.statements })],
      ["report.score_today", number(overall.today)],
      ["report.score_target", number(overall.target)]].forEach(function (fact) {
      facts.push(node("dt", {}, [say(fact[0])]), node("dd", { "data-score": fact[0].slice(7) }, [fact[1]]));
    });
    var levels = data.choices.filter(function (c) { return c.score; }).map(function (c) { return c.score + " = " + c.label; }).join(", ");
    parts.push(
      node("dl", { class: "report-facts" }, facts),
      node("p", { class: "scale-note" }, [say("report.scale", { not_yet: choiceById["not-yet"].label, levels: levels })]),
      node("h3", { id: "results-by-attribute" }, [say("report.by_attribute_heading")]),
      chart("chart-attributes", "report.chart_attributes", found.attributes, attributeNames),
      scoreTable("attribute", found.attributes, attributeNames, overall),
      node("h3", { id: "results-by-result" }, [say("report.by_result_heading")]),
      chart("chart-results", "report.chart_results", found.results, resultNames),
      scoreTable("result", found.results, resultNames, null),
      node("h3", { id: "results-gaps" }, [say("report.gaps_heading")])
    );
    parts.push(found.gaps.length
      ? node("ol", { class: "gap-list" }, found.gaps.slice(0, data.gapsShown).map(function (g) {
        var name = attributeNames[data.attributes.map(function (a) { return a.id; }).indexOf(g.id)];
        return node("li", { "data-id": g.id }, [node("strong", {}, [name]), " — " + say("report.gap_item", { today: number(g.today), target: number(g.target), gap: number(g.gap) })]);
      }))
      : node("p", {}, [say("report.no_gaps")]));
    parts.push(node("h3", { id: "results-plays" }, [say("report.plays_heading")]));
    if (!found.plays.length) {
      parts.push(node("p", {}, [say("report.no_plays")]));
    } else {
      parts.push(node("p", {}, [say("report.plays_lead")]), node("ol", { class: "recommended-plays" }, found.plays.map(function (advice) {
        return node("li", { "data-id": advice.play.id }, [
          node("p", { class: "play-name" }, [node("a", { href: advice.play.url }, [advice.play.title])]),
          node("p", {}, [advice.play.summary]),
          node("p", { class: "advances-label" }, [say("report.advances")]),
          node("ul", {}, advice.statements.map(function (s) {
            return node("li", {}, [s.statement.text + " ", node("span", { class: "rating-note" }, ["(" + say("report.statement_rating", { today: choiceLabel(s.today), target: choiceLabel(s.target) }) + ")"])]);
          }))
        ]);
      })));
    }
    return parts;
  }

  function showResults(announce) {
    var found = assess();
    resultsBody.textContent = "";
    render(found).forEach(function (part) { resultsBody.appendChild(part); });
    results.hidden = false;
    if (announce) {
      tell("assessment.results_announce", {
        rated: found.overall.ratedToday, total: found.overall.statements,
        today: number(found.overall.today), target: number(found.overall.target)
      });
      document.getElementById("results-heading").focus();
    }
  }

  // --- export, import, clear -------------------------------------------------------------------

  function isoDate() {
    var now = new Date();
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return now.getFullYear() + "-" + two(now.getMonth() + 1) + "-" + two(now.getDate());
  }

  function download(name, text, type) {
    var link = node("a", { href: URL.createObjectURL(new Blob([text], { type: type })), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 60000);
  }

  function csvCell(value) {
    var text = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(text)) text = "'" + text; // a spreadsheet would run it as a formula
    return '"' + text.replace(/"/g, '""') + '"';
  }

  function csv() {
    var names = {};
    data.attributes.forEach(function (a) { names[a.id] = a.name; });
    var rows = [["assessment.csv_id", "report.attribute_column", "report.statement_column", "report.today_column",
      "assessment.csv_today_points", "report.target_column", "assessment.csv_target_points", "report.notes_column"].map(say)];
    data.statements.forEach(function (statement) {
      var answer = state.answers[statement.id] || {};
      rows.push([statement.id, names[statement.attribute], statement.text,
        answer.today ? choiceLabel(answer.today) : "", scoreOf(answer.today),
        answer.target ? choiceLabel(answer.target) : "", scoreOf(answer.target), noteText(answer.notes)]);
    });
    return "\ufeff" + rows.map(function (row) { return row.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }

  function importText(text, name) {
    var parsed;
    try { parsed = JSON.parse(text.replace(/^\ufeff/, "")); } catch (error) { return fail("assessment.error_not_json", { file: name }); }
    var outcome = adopt(parsed, false);
    if (outcome.problem) {
      var values = outcome.problem[1];
      values.file = name;
      return fail(outcome.problem[0], values);
    }
    if ((answered(state) || hasText(state.service)) && !window.confirm(say("assessment.confirm_import", { file: name }))) return;
    state = outcome.state;
    save();
    fill();
    if (!results.hidden) showResults(false);
    tell("assessment.imported", { count: answered(state), file: name });
  }

  var actions = {
    results: function () { showResults(true); },
    print: function () { window.print(); },
    "export-json": function () {
      var date = isoDate();
      download(say("assessment.file_name") + "-" + date + ".json", JSON.stringify(asFile(state, date), null, 2) + "\n", "application/json");
    },
    "export-csv": function () {
      download(say("assessment.file_name") + "-" + isoDate() + ".csv", csv(), "text/csv;charset=utf-8");
    },
    clear: function () {
      if (!window.confirm(say("assessment.confirm_clear"))) return;
      state = blank();
      save();
      fill();
      if (!results.hidden) showResults(false);
      tell("assessment.cleared");
    }
  };

  // --- start -----------------------------------------------------------------------------------

  var restored = restore();
  var state = restored.state;
  fill();
  if (restored.dropped) { save(); tell("assessment.storage_dropped", { count: restored.dropped }); }
  if (!storage) tell("assessment.storage_unavailable");

  form.addEventListener("input", edit);
  form.addEventListener("change", edit);
  form.addEventListener("submit", function (event) { event.preventDefault(); showResults(true); });
  tools.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (button) actions[button.getAttribute("data-action")]();
  });
  var picker = document.getElementById("assessment-import");
  picker.addEventListener("change", function () {
    var file = picker.files && picker.files[0];
    if (!file) return;
    file.text().then(function (text) { importText(text, file.name); }, function () {
      fail("assessment.error_not_json", { file: file.name });
    }).then(function () { picker.value = ""; });
  });
  // Answers changed in another tab, or on the other language's page before coming back.
  function reload() {
    state = restore().state;
    fill();
    if (!results.hidden) showResults(false);
  }
  window.addEventListener("storage", function (event) { if (event.key === data.storageKey) reload(); });
  window.addEventListener("pageshow", function (event) { if (event.persisted) reload(); });
  tools.hidden = false;
  document.getElementById("assessment-submit").hidden = false;
})();
