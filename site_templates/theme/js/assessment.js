// The self-assessment page: answers kept in this browser, live results, export, import, clearing.
// Without this script the page is a complete form to fill in and print; this only adds to it.
// The logic is scoring.js's, file-check.js's once a file or stored answers are read, and
// chart.js's and results-view.js's once the results are shown; every number and word comes from
// the page (form and JSON data).
import { assess, formatScore, points } from "./scoring.js";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("assessment-form");
  const block = $("assessment-data");
  if (!form || !block) return;
  const data = JSON.parse(block.textContent);
  const results = $("assessment-results");
  const PARTS = ["today", "target"];
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

  const blank = () => ({ service: "", language: null, participant: {}, answers: {}, plan: [] });
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
    if (state.stage) file.stage = state.stage;
    if (state.plan.length) file.plan = state.plan;
    return file;
  }

  const answered = (state) => Object.keys(asFile(state).answers).length;
  const inUse = (state) => answered(state) > 0 || hasText(state.service) || !!asFile(state).participant || !!state.stage || state.plan.length > 0;

  let storage = null;
  try {
    storage = window.localStorage;
    storage.setItem(data.storageKey + ":test", "1");
    storage.removeItem(data.storageKey + ":test");
  } catch (error) {
    if (error.name !== "QuotaExceededError") storage = null; // full: still read, and said when saving
  }

  // The file check, loaded the first time the page reads a file or stored answers.
  const fileCheck = () => import("./file-check.js");
  // A checked file made against an older version of the model, its answers carried over to this
  // one by versions.js; `unmapped` names those that could not be.
  const carried = (outcome) => !outcome.version ? outcome : import("./versions.js").then(({ carryFile }) => {
    const { file, unmapped } = carryFile(data.changelog, outcome.version, outcome.file);
    return { ...outcome, file, unmapped: unmapped.join(", ") };
  });

  // --- the assessments kept in this browser (js/library.js), listed by js/library-view.js with
  // its words (published beside the page), all loaded after the page: the form edits one of them.
  let shelf = null;
  const openStorage = () => !storage ? Promise.resolve() : Promise.all([import("./library.js"), import("./library-view.js"), import(data.libraryWords)])
    .then(([kept, view, words]) => { shelf = view.libraryView({ kept, words: words.default, storage, key: data.storageKey, page: {
      check: (text) => fileCheck().then(({ checkText }) => carried(checkText(model, text, true))),
      file: (checked, date) => asFile({ ...blank(), ...checked }, date), download, state: () => state, open: restore
    } }); });

  // The assessment the form edits into the form: a promise of the check's outcome (how many answers
  // were dropped, for statements the model does not know; the older version they were carried from).
  function restore() {
    return Promise.resolve(shelf && shelf.read()).then((outcome) => {
      state = (outcome && outcome.file) || blank();
      fill();
      if (!results.hidden) showResults(false);
      return outcome && outcome.file ? outcome : {};
    });
  }

  // `was`: the service before this edit (the assessment's name follows it until renamed). Before
  // the list has loaded, the answers go where older pages kept them, moved into the list once it has.
  function save(was) {
    if (shelf) return shelf.save(asFile(state), inUse(state), was, noteText(state.service).trim());
    try { if (storage && inUse(state)) storage.setItem(data.storageKey, JSON.stringify(asFile(state))); } catch (error) { tell("assessment.storage_unavailable"); }
  }

  function fill() {
    if (planEditor) planEditor.fill();
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
      const was = noteText(state.service).trim();
      state.service = edited(state.service, field.value);
      if (typeof state.service === "string") state.language = data.language;
      return save(was);
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

  // --- the results view: results-view.js's, loaded with chart.js the first time it is shown

  const choiceLabel = (choice) => choice ? choices[choice].label : say("report.no_answer");
  const resultsView = () => Promise.all([import("./chart.js"), import("./results-view.js")]);

  function showResults(announce) {
    return resultsView().then(([{ drawChart }, { renderResults }]) => {
      $("results-body").replaceChildren(...renderResults(data, model, state, { assess, formatScore, drawChart }));
      results.hidden = false;
      if (!announce) return;
      const { overall } = assess(model, state.answers);
      tell("assessment.results_announce", {
        rated: overall.ratedToday, total: overall.statements,
        today: number(overall.today), target: number(overall.target)
      });
      $("results-heading").focus();
    }, unavailable);
  }

  // --- a link to a read-only view of the results (share.js writes the answers into its fragment)

  function share() {
    const file = asFile(state, isoDate());
    const [row, offer] = [$("share-row"), $("share-offer")];
    if (!Object.values(file.answers).some((answer) => answer.today || answer.target)) return tell("share.nothing");
    return import("./share.js").then(({ encodeShare, MAX_FRAGMENT }) => encodeShare(model, file).then((shared) => {
      row.hidden = !!shared.refused;
      offer.hidden = !shared.refused;
      if (shared.refused) return fail("share.too_long", { length: shared.length, limit: MAX_FRAGMENT });
      const link = new URL(data.shared.url, window.location.href).href.replace(/#.*$/, "") + "#" + shared.fragment;
      $("share-link").value = link;
      const told = (key) => {
        tell(key);
        if (shared.notes === "left-out") $("assessment-status").textContent += " " + say("share.notes_left_out");
      };
      const copied = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error("no clipboard"));
      return copied.then(() => told("share.copied"), () => told("share.copy_refused"));
    }), unavailable);
  }

  // --- export, import, clear

  function isoDate() {
    const now = new Date();
    const two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  function download(extension, content, type, name) {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([content], { type }));
    link.download = `${name || say("assessment.file_name")}-${isoDate()}.${extension}`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  }

  // The answers as CSV rows; plan.js's csvText writes them (cells a spreadsheet would run as a
  // formula turned into text), as it writes the plan's CSV.
  function csvRows() {
    const head = ["assessment.csv_id", "report.attribute_column", "report.statement_column", "report.today_column",
      "assessment.csv_today_points", "report.target_column", "assessment.csv_target_points", "report.notes_column"];
    return [head.map((key) => say(key))].concat(statements.map((statement) => {
      const answer = state.answers[statement.id] || {};
      const rating = (part) => answer[part] ? [choiceLabel(answer[part]), points(model, answer[part])] : ["", ""];
      return [statement.id, attributes.find((a) => a.id === statement.attribute).name, statement.text,
        ...rating("today"), ...rating("target"), noteText(answer.notes)];
    }));
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
    "export-json": () => download("json", JSON.stringify(asFile(state, shelf ? shelf.date() : isoDate()), null, 2) + "\n", "application/json"),
    "share-export": () => actions["export-json"](), // the file, offered when the link would be too long
    "export-csv": () => import("./plan.js").then(({ csvText }) =>
      download("csv", csvText(csvRows()), "text/csv;charset=utf-8"), unavailable),
    share,
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

  // --- start: the stored answers first, so that no edit is saved over them. With none kept, the
  // form is ready at once (what is typed before the list loads is kept as save() says).

  let state = blank();
  const opening = openStorage();
  const kept = storage && [data.storageKey, data.storageKey + ":library"].some((key) => storage.getItem(key) !== null);
  if (!kept) opening.then(() => shelf && (inUse(state) ? save() : restore()), unavailable); // another tab may have kept one meanwhile
  (kept ? opening.then(restore) : Promise.resolve({})).then(({ dropped, version, unmapped }) => {
    if (dropped || version) save();
    if (unmapped) tell("assessment.storage_unmapped", { version, ids: unmapped });
    else if (dropped) tell("assessment.storage_dropped", { count: dropped });
    if (!storage) tell("assessment.storage_unavailable");
    listen();
  }, unavailable);

  // The plan editor, handed plan.js (a module given as a data: address imports none)
  let planEditor = null;
  const openPlan = () => Promise.all([import("./plan-editor.js"), import("./plan.js")]).then(([editor, logic]) => {
    planEditor = editor.openPlan({ model, state: () => state, save, download, plays: () => assess(model, state.answers).plays }, logic);
  }, unavailable);

  function listen() {
    openPlan();
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
    window.addEventListener("storage", (event) => { if (shelf && shelf.changed(event.key)) reload(); });
    window.addEventListener("pageshow", (event) => { if (event.persisted) reload(); });
    $("assessment-tools").hidden = false;
    $("assessment-submit").hidden = false;
  }
})();
