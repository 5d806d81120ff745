// The comparison page: a baseline and a follow-up, each an assessment saved in this browser
// (library.js) or an exported file, compared as `playbook report FOLLOW-UP --baseline BASELINE`
// compares them. A file is checked as the assessment page checks an import (file-check.js),
// whole or refused with a message naming it; one made against an older version of the model is
// carried over (versions.js), the answers that could not be named. The comparison is
// compare.js's, the view compare-view.js's; those modules load with the first assessment
// chosen, so the page's first load is this script only. Every word and number comes from the
// page's JSON data (generator/render/compare_page.py). Nothing leaves the browser.

(() => {
  const $ = (id) => document.getElementById(id);
  const block = $("compare-data"), form = $("compare-form");
  if (!block || !form) return;
  const data = JSON.parse(block.textContent);
  const results = $("compare-results");
  const SIDES = ["baseline", "follow-up"];
  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);

  // Each side's assessment once chosen: { file, label } (the file as compare-view.js takes it).
  const chosen = { baseline: null, "follow-up": null };

  // --- the logic, loaded the first time an assessment is chosen (plan.js when it is there)

  let logic = null, loading = null;
  const optional = (name) => import(name).catch(() => ({}));
  const load = () => loading || (loading = Promise.all([
    import("./file-check.js"), import("./versions.js"), import("./compare.js"), import("./chart.js"),
    import("./scoring.js"), import("./compare-view.js"), optional("./plan.js")
  ]).then(([check, versions, comparison, chart, scoring, view, plan]) => {
    logic = {
      checkText: check.checkText, checkFile: check.checkFile, carryFile: versions.carryFile,
      compare: comparison.compare, drawChart: chart.drawChart, formatScore: scoring.formatScore,
      renderComparison: view.renderComparison, comparisonTitle: view.comparisonTitle, actionsAgainst: plan.actionsAgainst
    };
  }, (error) => { loading = null; throw error; }));

  // --- messages

  function tell(key, values) {
    $("compare-error").textContent = "";
    $("compare-status").textContent = say(key, values);
  }

  function fail(key, values) {
    $("compare-status").textContent = "";
    $("compare-error").textContent = say(key, values);
  }

  const unavailable = () => fail("assessment.error_unavailable");

  // --- choosing: a side's assessment, or nothing when it was refused

  function choose(which, entry, key, values) {
    chosen[which] = entry;
    results.hidden = true;
    $(which + "-chosen").textContent = entry ? say(key, values) : say("compare.nothing_chosen");
    if (entry) tell(key, values);
  }

  // A checked file with its answers carried to the current model: what compare-view.js takes.
  function carried(outcome, date) {
    const { version, file } = outcome;
    if (!version) return { ...file, date: date || null, carriedFrom: null, unmapped: [] };
    const { file: current, unmapped } = logic.carryFile(data.changelog, version, file);
    return { ...current, date: date || null, carriedFrom: version, unmapped };
  }

  function readFile(which, picked) {
    const name = picked.name;
    const refuse = (key, values) => {
      choose(which, null);
      $(which + "-file").value = "";
      fail(key, { ...values, file: name });
    };
    return load().then(() => picked.text()).then((text) => {
      const outcome = logic.checkText(data, text, false);
      if (outcome.refused) {
        const values = outcome.values || {};
        return refuse("assessment.error_" + outcome.refused.replace(/-/g, "_"), { ...values, ids: values.ids && values.ids.join(", ") });
      }
      const file = carried(outcome, JSON.parse(text.replace(/^\ufeff/, "")).date);
      $(which + "-saved").value = "";
      const count = Object.keys(file.answers).length;
      if (file.unmapped.length) {
        return choose(which, { file }, "compare.chosen_file_unmapped",
          { file: name, count, version: file.carriedFrom, ids: file.unmapped.join(", ") });
      }
      return choose(which, { file }, "compare.chosen_file", { file: name, count });
    }, () => (logic ? refuse("assessment.error_not_json") : unavailable()));
  }

  // --- the assessments saved in this browser, when the library can be opened

  let library = null;
  const items = {};

  function readSaved(which, id) {
    $(which + "-file").value = "";
    if (!id) return choose(which, null);
    const name = items[id].name;
    return load().then(() => {
      let saved = null;
      // One with nothing stored yet (just made) is an empty assessment.
      try { saved = library.read(id) || { format: data.format, format_version: data.formatVersion }; } catch (error) { saved = null; }
      const outcome = saved ? logic.checkFile(data, saved, true) : { refused: "corrupt" };
      if (outcome.refused) {
        choose(which, null);
        $(which + "-saved").value = "";
        return fail("compare.error_saved", { name });
      }
      const file = carried(outcome, saved.date);
      return choose(which, { file }, "compare.chosen_saved", { name, count: Object.keys(file.answers).length });
    }, unavailable);
  }

  function listSaved() {
    let storage = null;
    try { storage = window.localStorage; } catch (error) { return; }
    optional("./library.js").then(({ openLibrary }) => {
      if (!openLibrary || !storage) return;
      library = openLibrary(storage, data.storageKey);
      const listed = library.list();
      if (!listed.length) return;
      listed.forEach((item) => { items[item.id] = item; });
      SIDES.forEach((which) => {
        const select = $(which + "-saved");
        listed.forEach((item) => {
          const option = document.createElement("option");
          option.value = item.id;
          option.textContent = item.name;
          select.append(option);
        });
        select.closest("[data-saved]").hidden = false;
      });
    }).catch(() => { library = null; }); // storage the library cannot read: files still work
  }

  // --- the comparison

  function show() {
    const [baseline, followUp] = SIDES.map((which) => chosen[which]);
    if (!baseline || !followUp) return fail("compare.error_both");
    const nodes = logic.renderComparison(data, data, baseline.file, followUp.file, logic);
    const found = logic.compare(data, baseline.file.answers, followUp.file.answers);
    $("compare-body").replaceChildren(...nodes);
    $("share-row").hidden = true; // a link made before is another comparison's
    $("share-status").textContent = $("share-error").textContent = "";
    $("compare-heading").textContent = logic.comparisonTitle(data, baseline.file, followUp.file);
    results.hidden = false;
    const number = (value) => logic.formatScore(value, data.strings["report.decimal_mark"]);
    tell("compare.compared", { improved: found.improved.length, declined: found.declined.length,
      before: number(found.overall.before), after: number(found.overall.after) });
    $("compare-heading").focus();
  }

  // --- a link to a read-only view of the comparison shown (share.js writes both into it)

  function share() {
    const [baseline, followUp] = SIDES.map((which) => chosen[which]);
    const row = $("share-row"), status = $("share-status"), error = $("share-error");
    return import("./share.js").then(({ encodeShare, MAX_FRAGMENT }) =>
      encodeShare(data, { baseline: baseline.file, followUp: followUp.file }).then((shared) => {
        [status.textContent, error.textContent] = ["", ""];
        row.hidden = !!shared.refused;
        if (shared.refused) {
          error.textContent = say("share.too_long_comparison", { length: shared.length, limit: MAX_FRAGMENT });
          return null;
        }
        const link = new URL(data.shared.url, window.location.href).href.replace(/#.*$/, "") + "#" + shared.fragment;
        $("share-link").value = link;
        const copied = navigator.clipboard ? navigator.clipboard.writeText(link) : Promise.reject(new Error("no clipboard"));
        return copied.then(() => { status.textContent = say("share.copied"); },
          () => { status.textContent = say("share.copy_refused"); });
      }), () => { error.textContent = say("assessment.error_unavailable"); });
  }
  $("compare-share").addEventListener("click", share);

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!logic) return load().then(show, unavailable);
    return show();
  });
  form.addEventListener("change", (event) => {
    const field = event.target, which = field.dataset.side;
    if (!which) return;
    if (field.type === "file") {
      const picked = field.files && field.files[0];
      if (picked) readFile(which, picked);
    } else {
      readSaved(which, field.value);
    }
  });
  listSaved();
  form.hidden = false;
})();
