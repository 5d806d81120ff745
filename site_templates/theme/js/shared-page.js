// The shared page: an assessment (or a baseline and its follow-up) read from the address's
// fragment, which the browser never sends to a server (share.js), checked as an imported file
// is checked (file-check.js, versions.js for an older model version) and shown read-only by
// results-view.js. It has no form field and never touches the browser's storage. Every number
// and word comes from the page's JSON data.
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
  // A note or service in the page's language; one in several languages falls back to its first.
  const inLanguage = (text) => !text ? "" : typeof text === "string" ? text
    : data.language in text ? text[data.language] : Object.values(text)[0] || "";

  const results = $("shared-results"), body = $("shared-body");
  function fail(key, values) {
    results.hidden = true;
    body.replaceChildren();
    $("shared-error").textContent = say(key, values);
  }

  // The logic, loaded once: it is all the page does.
  const modules = Promise.all(["./share.js", "./file-check.js", "./versions.js", "./chart.js", "./results-view.js"]
    .map((name) => import(name)));

  // One checked file, its answers carried over to the current model version: { file, date,
  // version, unmapped } or { refused, values } as the file check gives them.
  function checked(tools, file) {
    const outcome = tools.check.checkFile(model, file, false);
    if (outcome.refused) return outcome;
    if (!outcome.version) return { file: outcome.file, date: file.date, version: file.model_version, unmapped: "" };
    const { answers, unmapped } = tools.versions.mapAnswers(data.changelog, outcome.version, outcome.file.answers);
    return { file: { ...outcome.file, answers }, date: file.date, version: outcome.version, unmapped: unmapped.join(", ") };
  }

  // An assessment: when and against which version it was made, what could not be carried
  // over, its results and its notes.
  function view(tools, shown, prefix) {
    const made = shown.date ? say("share.made", { date: shown.date, version: shown.version })
      : say("share.made_undated", { version: shown.version });
    const parts = [node("p", { class: "share-made" }, [made])];
    if (shown.unmapped) parts.push(node("p", { class: "share-unmapped" }, [say("share.unmapped", { version: shown.version, ids: shown.unmapped })]));
    parts.push(...tools.view.renderResults(data, model, shown.file, { assess, formatScore, layoutChart: tools.chart.layoutChart, prefix }));
    const noted = model.statements.filter((s) => inLanguage(shown.file.answers[s.id] && shown.file.answers[s.id].notes).trim());
    if (!noted.length) return parts;
    return parts.concat(node("h3", { id: prefix + "-notes" }, [say("share.notes_heading")]),
      node("dl", { class: "share-notes" }, noted.flatMap((s) => [
        node("dt", {}, [s.text]), node("dd", {}, [inLanguage(shown.file.answers[s.id].notes)])
      ])));
  }

  function show() {
    $("shared-error").textContent = "";
    return modules.then(([share, check, versions, chart, view_]) => {
      const tools = { share, check, versions, chart, view: view_ };
      const idsOf = (version) => check.versionIds(model, version);
      return share.decodeShare(model, window.location.hash.slice(1), idsOf).then((decoded) => {
        if (decoded.refused) return fail("share.error_" + decoded.refused.replace(/-/g, "_"), { limit: share.MAX_FRAGMENT });
        const shown = decoded.files.map((file) => checked(tools, file));
        const refused = shown.find((outcome) => outcome.refused);
        if (refused && refused.refused === "model-version") return fail("share.error_model_version", refused.values);
        if (refused) return fail("share.error_broken");
        if (shown.length !== 1) return fail("share.error_broken");
        body.replaceChildren(...view(tools, shown[0], "results"));
        results.hidden = false;
      });
    }).catch(() => fail("assessment.error_unavailable"));
  }

  show();
  window.addEventListener("hashchange", show);
})();
