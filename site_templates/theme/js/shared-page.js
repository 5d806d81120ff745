// The shared page: an assessment, or a baseline and its follow-up, read from the address's
// fragment, which the browser never sends to a server (share.js), checked as an imported file
// is checked (file-check.js, versions.js for an older model version) and shown read-only:
// an assessment by results-view.js, a comparison by compare-view.js. It has no form field and
// never touches the browser's storage. Every number and word comes from the page's JSON data.
import { assess, formatScore } from "./scoring.js";

(() => {
  const $ = (id) => document.getElementById(id);
  const block = $("shared-data");
  if (!block) return;
  const data = JSON.parse(block.textContent);
  const model = data; // the attributes and statements are in the data: there is no form
  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const node = (tag, attributes, children) => {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    element.append(...children);
    return element;
  };
  // A note in the page's language; one in several languages falls back to its first.
  const inLanguage = (text) => !text ? "" : typeof text === "string" ? text
    : data.language in text ? text[data.language] : Object.values(text)[0] || "";

  const results = $("shared-results"), body = $("shared-body"), heading = $("shared-heading");
  const resultsHeading = heading.textContent;
  function fail(key, values) {
    results.hidden = true;
    body.replaceChildren();
    $("shared-error").textContent = say(key, values);
  }

  // The logic, loaded once: it is all the page does.
  const names = ["share", "file-check", "versions", "chart", "results-view", "compare", "compare-view"];
  const modules = Promise.all(names.map((name) => import(`./${name}.js`)));

  // One checked file, its answers carried over to the current model version: the file as
  // compare-view.js takes it (with date, carriedFrom, unmapped), or { refused, values }.
  function checked(tools, file) {
    const outcome = tools["file-check"].checkFile(model, file, false);
    if (outcome.refused) return outcome;
    const dated = { ...outcome.file, date: file.date || null, carriedFrom: outcome.version, unmapped: [] };
    if (!outcome.version) return { file: dated };
    const { file: current, unmapped } = tools.versions.carryFile(data.changelog, outcome.version, dated);
    return { file: { ...current, unmapped } };
  }

  // An assessment: when and against which version it was made, what could not be carried
  // over, its results and its notes.
  function assessment(tools, file) {
    const version = file.carriedFrom || data.modelVersion;
    const made = file.date ? say("share.made", { date: file.date, version }) : say("share.made_undated", { version });
    const parts = [node("p", { class: "share-made" }, [made])];
    if (file.unmapped.length) parts.push(node("p", { class: "share-unmapped" }, [say("share.unmapped", { ids: file.unmapped.join(", ") })]));
    parts.push(...tools["results-view"].renderResults(data, model, file, { assess, formatScore, drawChart: tools.chart.drawChart }));
    const noted = model.statements.filter((s) => inLanguage(file.answers[s.id] && file.answers[s.id].notes).trim());
    if (!noted.length) return parts;
    return parts.concat(node("h3", { id: "results-notes" }, [say("share.notes_heading")]),
      node("dl", { class: "share-notes" }, noted.flatMap((s) => [
        node("dt", {}, [s.text]), node("dd", {}, [inLanguage(file.answers[s.id].notes)])
      ])));
  }

  function comparison(tools, baseline, followUp) {
    const view = tools["compare-view"];
    heading.textContent = view.comparisonTitle(data, baseline, followUp);
    return view.renderComparison(data, model, baseline, followUp,
      { compare: tools.compare.compare, drawChart: tools.chart.drawChart, formatScore });
  }

  function show() {
    $("shared-error").textContent = "";
    heading.textContent = resultsHeading;
    return modules.then((loaded) => {
      const tools = Object.fromEntries(names.map((name, i) => [name, loaded[i]]));
      const idsOf = (version) => tools["file-check"].versionIds(model, version);
      return tools.share.decodeShare(model, window.location.hash.slice(1), idsOf).then((decoded) => {
        if (decoded.refused) return fail("share.error_" + decoded.refused.replace(/-/g, "_"), { limit: tools.share.MAX_FRAGMENT });
        const shown = decoded.files.map((file) => checked(tools, file));
        const refused = shown.find((outcome) => outcome.refused);
        if (refused && refused.refused === "model-version") return fail("share.error_model_version", refused.values);
        if (refused) return fail("share.error_broken");
        const files = shown.map((outcome) => outcome.file);
        body.replaceChildren(...(files.length === 1 ? assessment(tools, files[0]) : comparison(tools, ...files)));
        results.hidden = false;
      });
    }).catch(() => fail("assessment.error_unavailable"));
  }

  show();
  window.addEventListener("hashchange", show);
})();
