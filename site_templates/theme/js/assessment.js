// The self-assessment page: answers kept in this browser, live results, export, import, clearing.
// Without this script the page is a complete form to fill in and print; this only adds to it.
// Scores follow generator/assessment/scoring.py rule for rule (a browser test compares the page
// with `playbook report`), and the chart follows generator/assessment/chart.py. Every word comes
// from the page: the form (statements, attributes) and the JSON block made from strings.yml.
(() => {
  "use strict";
  const $ = (id) => document.getElementById(id);
  const form = $("assessment-form");
  const block = $("assessment-data");
  if (!form || !block) return;
  const data = JSON.parse(block.textContent);
  const results = $("assessment-results");
  const PARTS = ["today", "target"];
  const FIELDS = ["format", "format_version", "model_version", "service", "date", "language", "answers"];
  const ANSWER_FIELDS = ["today", "target", "notes"];
  const SVG = "http://www.w3.org/2000/svg";
  const text = (element) => element.textContent.replace(/[ \t\r\n]+/g, " ").trim();
  const has = (list, item) => list.indexOf(item) >= 0;
  const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

  const choices = {};
  data.choices.forEach((choice) => { choices[choice.id] = choice; });
  const top = Math.max(...data.choices.map((choice) => choice.score || 0));
  const attributes = Array.from(form.querySelectorAll("[data-attribute]"), (group) => ({
    id: group.dataset.attribute, name: text(group.querySelector("h3"))
  }));
  const statements = Array.from(form.querySelectorAll("[data-statement]"), (fieldset, index) => ({
    id: fieldset.dataset.statement,
    attribute: fieldset.closest("[data-attribute]").dataset.attribute,
    results: fieldset.dataset.results.split(" "),
    text: text(fieldset.firstElementChild),
    index: index
  }));
  const known = {};
  statements.forEach((statement) => { known[statement.id] = statement; });

  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const number = (value) => value === null ? "—"
    : (Math.floor(value * 10 + 0.5) / 10).toFixed(1).replace(".", say("report.decimal_mark"));

  // --- answers: the state, the form and the browser's storage ---------------------------------

  const blank = () => ({ service: "", language: null, answers: {} });
  const isNote = (value) => typeof value === "string"
    || (isObject(value) && Object.values(value).every((note) => typeof note === "string"));
  // A note in the page's language; a note in several languages falls back to its first.
  const noteText = (note) => !note ? "" : typeof note === "string" ? note
    : data.language in note ? note[data.language] : Object.values(note)[0] || "";
  const hasText = (note) => !!note
    && (typeof note === "string" ? [note] : Object.values(note)).some((t) => t.trim() !== "");
  // A note written on this page: a note in several languages keeps the others.
  const edited = (note, value) => isObject(note) ? { ...note, [data.language]: value } : value;

  // The answers as a file: what is stored, and, with a date, what is exported.
  function asFile(state, date) {
    const file = { format: data.format, format_version: data.formatVersion, model_version: data.modelVersion };
    if (hasText(state.service)) file.service = state.service;
    if (date) file.date = date;
    if (state.language || date) file.language = state.language || data.language;
    file.answers = {};
    statements.forEach(({ id }) => {
      const answer = state.answers[id] || {};
      const kept = {};
      PARTS.forEach((part) => { if (answer[part]) kept[part] = answer[part]; });
      if (hasText(answer.notes)) kept.notes = answer.notes;
      if (Object.keys(kept).length) file.answers[id] = kept;
    });
    return file;
  }

  const answered = (state) => Object.keys(asFile(state).answers).length;
  const inUse = (state) => answered(state) > 0 || hasText(state.service);

  // A parsed file checked as `playbook report` checks it: { state } or { problem: [key, values] }.
  // Stored answers are `lenient`: those for statements no longer in the model are dropped.
  function adopt(file, lenient) {
    const invalid = (where) => ({ problem: ["assessment.error_invalid", { where }] });
    if (!isObject(file) || file.format !== data.format) return { problem: ["assessment.error_not_assessment", {}] };
    if (file.format_version !== data.formatVersion) {
      if (!("format_version" in file)) return invalid("format_version");
      return { problem: ["assessment.error_format_version", { found: JSON.stringify(file.format_version), supported: data.formatVersion }] };
    }
    const stray = Object.keys(file).find((key) => !has(FIELDS, key));
    if (stray) return invalid(stray);
    if (file.model_version != null && typeof file.model_version !== "string") return invalid("model_version");
    if (!lenient && file.model_version != null && file.model_version !== data.modelVersion) {
      return { problem: ["assessment.error_model_version", { found: file.model_version, current: data.modelVersion }] };
    }
    if ("service" in file && !isNote(file.service)) return invalid("service");
    if (file.language != null && !/^[a-z]{2,3}$/.test(file.language)) return invalid("language");
    if (file.date != null && !/^\d{4}-\d{2}-\d{2}$/.test(file.date)) return invalid("date");
    const answers = file.answers == null ? {} : file.answers;
    if (!isObject(answers)) return invalid("answers");
    const state = { service: file.service || "", language: file.language || null, answers: {} };
    const unknown = [], offScale = [];
    let wrong = null;
    Object.keys(answers).forEach((id) => {
      const answer = answers[id], where = "answers." + id;
      if (!isObject(answer)) { wrong = wrong || where; return; }
      const stranger = Object.keys(answer).find((key) => !has(ANSWER_FIELDS, key));
      if (stranger) wrong = wrong || where + "." + stranger;
      if (answer.notes != null && !isNote(answer.notes)) wrong = wrong || where + ".notes";
      if (!known[id]) { unknown.push(id); return; }
      const kept = { notes: answer.notes || "" };
      PARTS.forEach((part) => {
        const value = answer[part];
        if (value == null) return;
        if (typeof value === "string" && choices[value]) kept[part] = value;
        else if (!has(offScale, id)) offScale.push(id);
      });
      state.answers[id] = kept;
    });
    if (wrong) return invalid(wrong);
    if (!lenient && unknown.length) return { problem: ["assessment.error_unknown_statements", { ids: unknown.join(", ") }] };
    if (!lenient && offScale.length) return { problem: ["assessment.error_bad_ratings", { ids: offScale.join(", ") }] };
    return { state, dropped: unknown.length };
  }

  let storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(data.storageKey + ":test", "1");
    storage.removeItem(data.storageKey + ":test");
  } catch (error) {
    storage = null;
  }

  function restore() {
    let saved = null;
    try { saved = JSON.parse(storage && storage.getItem(data.storageKey)); } catch (error) { saved = null; }
    const outcome = saved ? adopt(saved, true) : null;
    return outcome && outcome.state ? outcome : { state: blank(), dropped: 0 };
  }

  function save() {
    if (!storage) return;
    try {
      if (inUse(state)) storage.setItem(data.storageKey, JSON.stringify(asFile(state)));
      else storage.removeItem(data.storageKey);
    } catch (error) {
      tell("assessment.storage_unavailable");
    }
  }

  function fill() {
    form.elements.service.value = noteText(state.service);
    statements.forEach(({ id }) => {
      const answer = state.answers[id] || {};
      PARTS.forEach((part) => {
        form.querySelectorAll(`input[name="${part}:${id}"]`).forEach((radio) => {
          radio.checked = radio.value === answer[part];
        });
      });
      form.elements["notes:" + id].value = noteText(answer.notes);
    });
  }

  function edit(event) {
    const field = event.target;
    const radio = field.type === "radio";
    if ((event.type === "change") !== radio) return; // text on "input", radios on "change"
    if (field.name === "service") {
      state.service = edited(state.service, field.value);
      if (typeof state.service === "string") state.language = data.language;
      return save();
    }
    const [part, id] = field.name.split(":");
    if (!known[id]) return;
    const answer = state.answers[id] || (state.answers[id] = {});
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
    $("assessment-error").textContent = "";
    $("assessment-status").textContent = say(key, values);
  }

  function fail(key, values) {
    $("assessment-status").textContent = "";
    $("assessment-error").textContent = say(key, values);
  }

  // --- scores, as in scoring.py ----------------------------------------------------------------

  const scoreOf = (choice) => choice && choices[choice] ? choices[choice].score : null;

  function average(values) {
    const counted = values.filter((value) => value !== null);
    return counted.length ? counted.reduce((sum, value) => sum + value, 0) / counted.length : null;
  }

  function group(id, members) {
    const today = average(members.map((m) => m.todayScore));
    const target = average(members.map((m) => m.targetScore));
    return {
      id, today, target,
      gap: today === null || target === null ? null : target - today,
      ratedToday: members.filter((m) => m.todayScore !== null).length,
      ratedTarget: members.filter((m) => m.targetScore !== null).length,
      statements: members.length
    };
  }

  // Gaps compared to a millionth, so equal means tie despite floating-point noise.
  const rankingKey = (value) => Math.floor(value * 1000000 + 0.5);
  const goal = (score) => score.targetScore !== null ? score.targetScore : top;

  function assess() {
    const scores = statements.map((statement) => {
      const answer = state.answers[statement.id] || {};
      return {
        statement, today: answer.today || null, target: answer.target || null,
        todayScore: scoreOf(answer.today), targetScore: scoreOf(answer.target)
      };
    });
    const byAttribute = attributes.map((a) => group(a.id, scores.filter((s) => s.statement.attribute === a.id)));
    const gaps = byAttribute
      .map((g, index) => ({ g, index }))
      .filter(({ g }) => g.gap !== null && rankingKey(g.gap) > 0)
      .sort((a, b) => rankingKey(b.g.gap) - rankingKey(a.g.gap) || a.index - b.index)
      .map(({ g }) => g);
    return {
      attributes: byAttribute,
      results: data.results.map((r) => group(r.id, scores.filter((s) => has(s.statement.results, r.id)))),
      overall: group("overall", scores),
      gaps,
      plays: recommend(scores)
    };
  }

  // The plays that advance the statements rated lowest, most useful first: by the lowest today
  // score among them, then how many share it, then the sum of their gaps, then playbook order.
  function recommend(scores) {
    const candidates = scores.filter((s) => s.todayScore !== null && s.todayScore < goal(s));
    const ranked = [];
    data.plays.forEach((play, index) => {
      const advanced = candidates.filter((s) => has(play.statements, s.statement.id));
      if (!advanced.length) return;
      const lowest = Math.min(...advanced.map((s) => s.todayScore));
      const atLowest = advanced.filter((s) => s.todayScore === lowest).length;
      const totalGap = advanced.reduce((sum, s) => sum + goal(s) - s.todayScore, 0);
      advanced.sort((a, b) => a.todayScore - b.todayScore || a.statement.index - b.statement.index);
      ranked.push({ key: [lowest, -atLowest, -totalGap, index], play, statements: advanced });
    });
    const order = (a, b) => a.key.map((value, i) => value - b.key[i]).find((d) => d !== 0) || 0;
    return ranked.sort(order).slice(0, data.recommendedPlays);
  }

  // --- the results view, as site_templates/pages/_report.html shows a report -------------------

  function node(tag, attributes, children, namespace) {
    const element = namespace ? document.createElementNS(namespace, tag) : document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    (children || []).forEach((child) => {
      if (child !== null) element.append(typeof child === "object" ? child : String(child));
    });
    return element;
  }
  const svg = (tag, attributes, children) => node(tag, attributes, children, SVG);
  const choiceLabel = (choice) => choice ? choices[choice].label : say("report.no_answer");
  const round1 = (value) => Math.round(value * 10) / 10;

  function wrap(label, width) {
    const lines = [];
    let current = "";
    label.split(/[ \t\r\n]+/).filter(Boolean).forEach((word) => {
      if (current && current.length + 1 + word.length > width) { lines.push(current); current = word; }
      else current = current ? current + " " + word : word;
    });
    return current ? lines.concat(current) : lines.length ? lines : [""];
  }

  // Laid out as chart.py lays out the report's chart.
  function chart(id, titleKey, groups, names) {
    const WIDTH = 680, LEFT = 8, PLOT = WIDTH - LEFT - 48, BAR = 12, LINE = 18;
    const plotTop = 24 + 22, shapes = [], described = [];
    let y = plotTop + 8;
    groups.forEach((g, index) => {
      const values = [g.today, g.target].map((v) => [v, v === null ? say("report.not_rated") : number(v)]);
      described.push(say("report.chart_row", { name: names[index], today: values[0][1], target: values[1][1] }));
      wrap(names[index], 74).forEach((line) => {
        y += LINE;
        shapes.push(svg("text", { x: LEFT, y: y - 4, "font-weight": "bold" }, [line]));
      });
      y += 2;
      values.forEach(([value, shown], series) => {
        const width = round1(PLOT * (value || 0) / top);
        shapes.push(series === 0
          ? svg("rect", { x: LEFT, y, width, height: BAR, fill: "#26374a" })
          : svg("rect", { x: LEFT + 1, y: y + 1, width: Math.max(width - 2, 0), height: BAR - 2, fill: "#ffffff", stroke: "#26374a", "stroke-width": 2 }));
        shapes.push(svg("text", { x: round1(LEFT + width + 6), y: y + BAR - 1, "font-size": 13 }, [shown]));
        y += BAR + 3;
      });
      y += 14;
    });
    const ticks = [];
    for (let step = 0; step <= top; step++) {
      const x = round1(LEFT + PLOT * step / top);
      ticks.push(svg("line", { x1: x, x2: x, y1: plotTop, y2: y - 6, stroke: "#aab2bb", "stroke-width": 1 }),
        svg("text", { x, y: plotTop - 6, "text-anchor": "middle", fill: "#4a4f55" }, [step]));
    }
    const prefix = "results-" + id;
    return node("figure", { class: "chart" }, [svg("svg", {
      class: "bar-chart", role: "img", "aria-labelledby": `${prefix}-title ${prefix}-desc`,
      viewBox: `0 0 ${WIDTH} ${y}`, width: WIDTH, height: y, "font-size": 14, fill: "#1b1b1b"
    }, [
      svg("title", { id: prefix + "-title" }, [say(titleKey, { top })]),
      svg("desc", { id: prefix + "-desc" }, [described.join(" ")]),
      svg("rect", { x: LEFT, y: 4, width: 18, height: 12, fill: "#26374a" }),
      svg("text", { x: LEFT + 24, y: 15 }, [say("report.today_column")]),
      svg("rect", { x: LEFT + 161, y: 5, width: 16, height: 10, fill: "#ffffff", stroke: "#26374a", "stroke-width": 2 }),
      svg("text", { x: LEFT + 184, y: 15 }, [say("report.target_column")]),
      ...ticks, ...shapes
    ])]);
  }

  const scoreRow = (g, name) => node("tr", { "data-id": g.id }, [
    node("th", { scope: "row" }, [name]),
    ...["today", "target", "gap"].map((part) => node("td", { "data-score": part }, [number(g[part])])),
    node("td", {}, [say("report.rated_value", { rated: g.ratedToday, total: g.statements })])
  ]);

  function scoreTable(kind, groups, names, overall) {
    const head = ["report." + kind + "_column", "report.today_column", "report.target_column", "report.gap_column", "report.rated_column"];
    return node("div", { class: "table-wrap" }, [node("table", { class: "grid score-table", id: `results-${kind}-scores`, "data-scores": kind }, [
      node("caption", {}, [say("report." + kind + "_caption")]),
      node("thead", {}, [node("tr", {}, head.map((key) => node("th", { scope: "col" }, [say(key)])))]),
      node("tbody", {}, groups.map((g, index) => scoreRow(g, names[index]))),
      overall ? node("tfoot", {}, [scoreRow(overall, say("report.overall"))]) : null
    ])]);
  }

  function render(found) {
    const overall = found.overall;
    if (!overall.ratedToday && !overall.ratedTarget) return [node("p", {}, [say("assessment.results_empty")])];
    const attributeNames = attributes.map((a) => a.name);
    const resultNames = data.results.map((r) => r.name);
    const facts = [];
    const service = noteText(state.service).trim();
    if (service) facts.push(node("dt", {}, [say("report.service")]), node("dd", {}, [service]));
    [["report.rated_today", say("report.rated_value", { rated: overall.ratedToday, total: overall.statements })],
      ["report.rated_target", say("report.rated_value", { rated: overall.ratedTarget, total: overall.statements })],
      ["report.score_today", number(overall.today)],
      ["report.score_target", number(overall.target)]].forEach(([key, value]) => {
      facts.push(node("dt", {}, [say(key)]), node("dd", {}, [value]));
    });
    const levels = data.choices.filter((c) => c.score).map((c) => `${c.score} = ${c.label}`).join(", ");
    const heading = (id, key) => node("h3", { id: "results-" + id }, [say(key)]);
    const parts = [
      node("dl", { class: "report-facts" }, facts),
      node("p", { class: "scale-note" }, [say("report.scale", { not_yet: choices["not-yet"].label, levels })]),
      heading("by-attribute", "report.by_attribute_heading"),
      chart("chart-attributes", "report.chart_attributes", found.attributes, attributeNames),
      scoreTable("attribute", found.attributes, attributeNames, overall),
      heading("by-result", "report.by_result_heading"),
      chart("chart-results", "report.chart_results", found.results, resultNames),
      scoreTable("result", found.results, resultNames, null),
      heading("gaps", "report.gaps_heading"),
      found.gaps.length
        ? node("ol", { class: "gap-list" }, found.gaps.slice(0, data.gapsShown).map((g) => node("li", {}, [
          node("strong", {}, [attributes.find((a) => a.id === g.id).name]),
          " — " + say("report.gap_item", { today: number(g.today), target: number(g.target), gap: number(g.gap) })
        ])))
        : node("p", {}, [say("report.no_gaps")]),
      heading("plays", "report.plays_heading")
    ];
    if (!found.plays.length) return parts.concat(node("p", {}, [say("report.no_plays")]));
    return parts.concat(node("p", {}, [say("report.plays_lead")]), node("ol", { class: "recommended-plays" }, found.plays.map((advice) => node("li", {}, [
      node("p", { class: "play-name" }, [node("a", { href: advice.play.url }, [advice.play.title])]),
      node("p", { class: "advances-label" }, [say("report.advances")]),
      node("ul", {}, advice.statements.map((s) => node("li", {}, [s.statement.text + " ", node("span", { class: "rating-note" },
        ["(" + say("report.statement_rating", { today: choiceLabel(s.today), target: choiceLabel(s.target) }) + ")"])])))
    ]))));
  }

  function showResults(announce) {
    const found = assess();
    $("results-body").replaceChildren(...render(found));
    results.hidden = false;
    if (!announce) return;
    tell("assessment.results_announce", {
      rated: found.overall.ratedToday, total: found.overall.statements,
      today: number(found.overall.today), target: number(found.overall.target)
    });
    $("results-heading").focus();
  }

  // --- export, import, clear -------------------------------------------------------------------

  function isoDate() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  function download(extension, content, type) {
    const link = node("a", {
      href: URL.createObjectURL(new Blob([content], { type })),
      download: `${say("assessment.file_name")}-${isoDate()}.${extension}`
    });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  function csvCell(value) {
    let cell = value === null || value === undefined ? "" : String(value);
    if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell; // a spreadsheet would run it as a formula
    return `"${cell.replace(/"/g, '""')}"`;
  }

  function csv() {
    const head = ["assessment.csv_id", "report.attribute_column", "report.statement_column", "report.today_column",
      "assessment.csv_today_points", "report.target_column", "assessment.csv_target_points", "report.notes_column"];
    const rows = [head.map((key) => say(key))].concat(statements.map((statement) => {
      const answer = state.answers[statement.id] || {};
      const rating = (part) => answer[part] ? [choiceLabel(answer[part]), scoreOf(answer[part])] : ["", ""];
      return [statement.id, attributes.find((a) => a.id === statement.attribute).name, statement.text,
        ...rating("today"), ...rating("target"), noteText(answer.notes)];
    }));
    return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function importText(content, name) {
    let parsed;
    try { parsed = JSON.parse(content.replace(/^\ufeff/, "")); } catch (error) { return fail("assessment.error_not_json", { file: name }); }
    const outcome = adopt(parsed, false);
    if (outcome.problem) return fail(outcome.problem[0], { ...outcome.problem[1], file: name });
    if (inUse(state) && !window.confirm(say("assessment.confirm_import", { file: name }))) return;
    state = outcome.state;
    save();
    fill();
    if (!results.hidden) showResults(false);
    tell("assessment.imported", { count: answered(state), file: name });
  }

  const actions = {
    results: () => showResults(true),
    print: () => window.print(),
    "export-json": () => download("json", JSON.stringify(asFile(state, isoDate()), null, 2) + "\n", "application/json"),
    "export-csv": () => download("csv", csv(), "text/csv;charset=utf-8"),
    clear: () => {
      if (!window.confirm(say("assessment.confirm_clear"))) return;
      state = blank();
      save();
      fill();
      if (!results.hidden) showResults(false);
      tell("assessment.cleared");
    }
  };

  // --- start -----------------------------------------------------------------------------------

  const restored = restore();
  let state = restored.state;
  fill();
  if (restored.dropped) { save(); tell("assessment.storage_dropped", { count: restored.dropped }); }
  if (!storage) tell("assessment.storage_unavailable");

  form.addEventListener("input", edit);
  form.addEventListener("change", edit);
  form.addEventListener("submit", (event) => { event.preventDefault(); showResults(true); });
  $("assessment-tools").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button) actions[button.dataset.action]();
  });
  const picker = $("assessment-import");
  picker.addEventListener("change", () => {
    const file = picker.files && picker.files[0];
    if (!file) return;
    file.text()
      .then((content) => importText(content, file.name), () => fail("assessment.error_not_json", { file: file.name }))
      .then(() => { picker.value = ""; });
  });
  // Answers changed in another tab, or on the other language's page before coming back.
  function reload() {
    state = restore().state;
    fill();
    if (!results.hidden) showResults(false);
  }
  window.addEventListener("storage", (event) => { if (event.key === data.storageKey) reload(); });
  window.addEventListener("pageshow", (event) => { if (event.persisted) reload(); });
  $("assessment-tools").hidden = false;
  $("assessment-submit").hidden = false;
})();
