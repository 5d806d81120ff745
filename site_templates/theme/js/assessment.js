// The self-assessment page: answers kept in this browser, live results, export, import, clearing.
// Without this script the page is a complete form to fill in and print; this only adds to it.
// The logic is scoring.js's, file-check.js's once a file or stored answers are read, and
// chart.js's once the results are shown; every number and word comes from the page (form and
// JSON data).
import { assess, formatScore, points } from "./scoring.js";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("assessment-form");
  const block = $("assessment-data");
  if (!form || !block) return;
  const data = JSON.parse(block.textContent);
  const results = $("assessment-results");
  const PARTS = ["today", "target"];
  const SVG = "http://www.w3.org/2000/svg";
  const text = (element) => element.textContent.replace(/[ \t\r\n]+/g, " ").trim();
  const choices = {};
  data.choices.forEach((choice) => { choices[choice.id] = choice; });
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
  const known = new Set(statements.map((statement) => statement.id));
  const model = { ...data, attributes, statements };

  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const number = (value) => formatScore(value, say("report.decimal_mark"));

  // --- answers: the state, the form and the browser's storage

  const blank = () => ({ service: "", language: null, participant: {}, answers: {}, stage: null, plan: [] });
  const WHO = ["label", "organisation"]; // the participant's fields, both optional
  // A note in the page's language; a note in several languages falls back to its first.
  const noteText = (note) => !note ? "" : typeof note === "string" ? note
    : data.language in note ? note[data.language] : Object.values(note)[0] || "";
  const hasText = (note) => !!note
    && (typeof note === "string" ? [note] : Object.values(note)).some((t) => t.trim() !== "");
  // A note written on this page: a note in several languages keeps the others.
  const edited = (note, value) => note && typeof note === "object" ? { ...note, [data.language]: value } : value;

  // The answers as a file: what is stored, and, with a date, what is exported.
  function asFile(state, date) {
    const file = { format: data.format, format_version: data.formatVersion, model_version: data.modelVersion };
    if (hasText(state.service)) file.service = state.service;
    if (date) file.date = date;
    if (state.language || date) file.language = state.language || data.language;
    const who = {};
    WHO.forEach((key) => { const given = (state.participant || {})[key]; if (given && given.trim()) who[key] = given.trim(); });
    if (Object.keys(who).length) file.participant = who;
    file.answers = {};
    statements.forEach(({ id }) => {
      const answer = state.answers[id] || {};
      const kept = {};
      PARTS.forEach((part) => { if (answer[part]) kept[part] = answer[part]; });
      if (hasText(answer.notes)) kept.notes = answer.notes;
      if (Object.keys(kept).length) file.answers[id] = kept;
    });
    if (state.stage) file.stage = state.stage; // the action plan's, edited by plan-editor.js
    if (state.plan && state.plan.length) file.plan = state.plan;
    return file;
  }

  const answered = (state) => Object.keys(asFile(state).answers).length;
  const inUse = (state) => answered(state) > 0 || hasText(state.service) || !!asFile(state).participant || !!state.stage || !!(state.plan || []).length;

  let storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(data.storageKey + ":test", "1");
    storage.removeItem(data.storageKey + ":test");
  } catch (error) {
    storage = null;
  }

  // The file check, loaded the first time the page reads a file or stored answers.
  const fileCheck = () => import("./file-check.js");
  // A checked file made against an older version of the model, its answers carried over to this
  // one by versions.js; `unmapped` names those that could not be.
  const carried = (outcome) => !outcome.version ? outcome : import("./versions.js").then(({ mapAnswers, carryPlan }) => {
    const { answers, unmapped } = mapAnswers(data.changelog, outcome.version, outcome.file.answers);
    const plan = carryPlan(data.changelog, outcome.version, outcome.file.plan);
    return { ...outcome, file: { ...outcome.file, answers, plan }, unmapped: unmapped.join(", ") };
  });

  // The stored answers into the form: a promise of the check's outcome (how many answers were
  // dropped, for statements the model does not know; the older version they were carried from).
  function restore() {
    let saved = null;
    try { saved = JSON.parse(storage && storage.getItem(data.storageKey)); } catch (error) { saved = null; }
    const checked = saved ? fileCheck().then(({ checkFile }) => carried(checkFile(model, saved, true))) : Promise.resolve({});
    return checked.then((outcome) => {
      state = outcome.file || blank();
      fill();
      if (!results.hidden) showResults(false);
      return outcome.file ? outcome : {};
    });
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
    WHO.forEach((key) => { form.elements["participant:" + key].value = (state.participant || {})[key] || ""; });
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
    if (part === "participant") {
      state.participant = { ...state.participant, [id]: field.value };
      return save();
    }
    if (!known.has(id)) return;
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

  // --- messages

  function tell(key, values) {
    $("assessment-error").textContent = "";
    $("assessment-status").textContent = say(key, values);
  }

  function fail(key, values) {
    $("assessment-status").textContent = "";
    $("assessment-error").textContent = say(key, values);
  }

  // --- the results view, as site_templates/pages/_report.html shows a report

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

  // Drawn as site_templates/pages/_report.html draws the report's chart, laid out by scoring.js.
  function chart(id, titleKey, groups, names) {
    const L = data.chart;
    const shown = (value) => value === null ? say("report.not_rated") : number(value);
    const laidOut = layoutChart(groups.map((g, i) => ({ label: names[i], today: g.today, target: g.target })), data.top, L);
    const box = (series, b) => svg("rect", series === "today" ? { ...b, fill: L.bar_colour }
      : { ...b, fill: L.paper_colour, stroke: L.bar_colour, "stroke-width": L.outline_width });
    const shapes = laidOut.legend.flatMap(({ series, box: b, textX, textY }) =>
      [box(series, b), svg("text", { x: textX, y: textY }, [say(`report.${series}_column`)])]);
    laidOut.ticks.forEach(({ x, label }) => shapes.push(
      svg("line", { x1: x, x2: x, y1: laidOut.plotTop, y2: laidOut.gridBottom, stroke: L.grid_colour, "stroke-width": L.grid_width }),
      svg("text", { x, y: laidOut.tickY, "text-anchor": "middle", fill: L.tick_colour }, [label])));
    laidOut.rows.forEach((row, i) => {
      row.lines.forEach(({ y, text }) => shapes.push(svg("text", { x: L.left, y, "font-weight": "bold" }, [text])));
      row.bars.forEach((bar) => shapes.push(box(bar.series, bar.box),
        svg("text", { x: bar.textX, y: bar.textY, "font-size": L.value_font_size }, [shown(groups[i][bar.series])])));
    });
    const prefix = "results-" + id, { height } = laidOut;
    const described = groups.map((g, i) => say("report.chart_row", { name: names[i], today: shown(g.today), target: shown(g.target) }));
    return node("figure", { class: "chart" }, [svg("svg", {
      class: "bar-chart", role: "img", "aria-labelledby": `${prefix}-title ${prefix}-desc`,
      viewBox: `0 0 ${L.width} ${height}`, width: L.width, height, "font-size": L.font_size, fill: L.ink
    }, [
      svg("title", { id: prefix + "-title" }, [say(titleKey, { top: data.top })]),
      svg("desc", { id: prefix + "-desc" }, [described.join(" ")]),
      ...shapes
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

  let layoutChart = null; // chart.js's, loaded the first time the results are shown

  function showResults(announce) {
    return import("./chart.js").then((loaded) => {
      layoutChart = loaded.layoutChart;
      const found = assess(model, state.answers);
      $("results-body").replaceChildren(...render(found));
      results.hidden = false;
      if (!announce) return;
      tell("assessment.results_announce", {
        rated: found.overall.ratedToday, total: found.overall.statements,
        today: number(found.overall.today), target: number(found.overall.target)
      });
      $("results-heading").focus();
    }, unavailable);
  }

  // --- export, import, clear

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
      const rating = (part) => answer[part] ? [choiceLabel(answer[part]), points(model, answer[part])] : ["", ""];
      return [statement.id, attributes.find((a) => a.id === statement.attribute).name, statement.text,
        ...rating("today"), ...rating("target"), noteText(answer.notes)];
    }));
    return "\ufeff" + rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
  }

  function importText(content, name) {
    return fileCheck().then(({ checkText }) => carried(checkText(model, content, false))).then((outcome) => {
      const { refused, values } = outcome;
      if (refused) return fail("assessment.error_" + refused.replace(/-/g, "_"), { ...values, ids: values.ids && values.ids.join(", "), file: name });
      if (inUse(state) && !window.confirm(say("assessment.confirm_import", { file: name }))) return;
      state = outcome.file;
      save();
      fill();
      if (!results.hidden) showResults(false);
      tell(outcome.unmapped ? "assessment.imported_unmapped" : "assessment.imported",
        { count: answered(state), file: name, version: outcome.version, ids: outcome.unmapped });
    }, unavailable);
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

  // Part of the page did not load (file-check.js or chart.js, when the network went away).
  const unavailable = () => fail("assessment.error_unavailable");

  // --- start: the stored answers first, so that no edit is saved over them

  let state = blank();
  restore().then(({ dropped, version, unmapped }) => {
    if (dropped || version) save();
    if (unmapped) tell("assessment.storage_unmapped", { version, ids: unmapped });
    else if (dropped) tell("assessment.storage_dropped", { count: dropped });
    if (!storage) tell("assessment.storage_unavailable");
    listen();
  }, unavailable);

  function listen() {
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
    const reload = () => restore().catch(unavailable);
    window.addEventListener("storage", (event) => { if (event.key === data.storageKey) reload(); });
    window.addEventListener("pageshow", (event) => { if (event.persisted) reload(); });
    $("assessment-tools").hidden = false;
    $("assessment-submit").hidden = false;
  }
})();
