// A follow-up against its baseline, drawn as site_templates/pages/_comparison.html shows a
// comparison report (generator/render/comparison_view.py formats it the same way): the facts,
// what moved, per attribute and per result both scores in a chart and a table, every statement
// before and after, and, with plan.js, each action done against the statements it was meant to
// move. The numbers are compare.js's; the words and measures come from `data`
// (generator/render/compare_page.py: view_data). It imports nothing: the offline copy gives it
// to a page as a `data:` address, from which a module cannot import another; so the page passes
// the functions it needs in `logic`:
//   { compare } from compare.js, { drawChart } from chart.js, { formatScore } from scoring.js,
//   and, when plan.js has loaded, { actionsAgainst }.
const MINUS = "\u2212";
const LISTS = ["improved", "declined", "targets_met", "gaps_opened", "gaps_closed"];
const SIDES = [["baseline", 0], ["follow_up", 1]];

function node(tag, attributes, children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
  (children || []).forEach((child) => {
    if (child !== null) element.append(typeof child === "object" ? child : String(child));
  });
  return element;
}

// A note's text in `language`: a note in several languages falls back to its first; with the
// language it is in (a plain note is in its file's).
function noteIn(note, language, fileLanguage) {
  if (!note) return { text: "", language: null };
  if (typeof note === "string") return { text: note, language: fileLanguage };
  const code = language in note ? language : Object.keys(note)[0];
  return { text: code ? note[code] : "", language: code || null };
}

const filler = (data) => (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
  values && name in values ? String(values[name]) : whole);

// The service both assessments are about (the follow-up's name for it first), in the page's
// language when the name is in several: { text, language }.
const serviceOf = (data, baselineFile, followUpFile) => {
  const named = followUpFile.service ? followUpFile : baselineFile;
  const found = noteIn(named.service, data.language, named.language);
  return { ...found, text: found.text.trim() };
};

// The comparison's title, as the report's: the service's name in it when there is one.
export function comparisonTitle(data, baselineFile, followUpFile) {
  const service = serviceOf(data, baselineFile, followUpFile).text;
  return service ? filler(data)("comparison.title", { service }) : filler(data)("comparison.title_unnamed");
}

// `baselineFile` and `followUpFile`: the files as file-check.js's checkFile gives them (answers
// by statement id of the current model, carried over by versions.js), with `date` (ISO or
// null), `carriedFrom` (the older model version they were carried from, or null) and `unmapped`
// (the ids of the answers that could not be carried over).
export function renderComparison(data, model, baselineFile, followUpFile, logic) {
  const say = filler(data);
  const number = (value) => logic.formatScore(value, say("report.decimal_mark"));
  const rounded = (value) => Number(logic.formatScore(value, "."));
  // A change with its sign (+1, 0, −0.3), from its value and its size as shown.
  const signed = (value, magnitude) => value === null ? "—"
    : (rounded(value) > 0 ? "+" : rounded(value) < 0 ? MINUS : "") + magnitude;
  const choiceLabel = (choice) => {
    const found = choice && model.choices.find((c) => c.id === choice);
    return found ? found.label : say("report.no_answer");
  };
  const files = [baselineFile, followUpFile];
  const found = logic.compare(model, baselineFile.answers, followUpFile.answers);
  const legend = [say("comparison.baseline"), say("comparison.follow_up")];
  const attributeName = Object.fromEntries(data.attributes.map((a) => [a.id, a.name]));

  // --- rows, as comparison_view.py's StatementRow and GroupRow

  const statementRow = (statement) => {
    const { change, target_met: met } = found.statements[statement.id];
    const answer = (file) => file.answers[statement.id] || {};
    return {
      statement,
      before: choiceLabel(answer(baselineFile).today),
      after: choiceLabel(answer(followUpFile).today),
      change: signed(change, String(Math.abs(change || 0))),
      target: choiceLabel(answer(baselineFile).target),
      met: met === null ? "—" : say(met ? "comparison.yes" : "comparison.no"),
      direction: change === null ? "" : change > 0 ? "up" : change < 0 ? "down" : "same"
    };
  };
  const rows = Object.fromEntries(data.statements.map((s) => [s.id, statementRow(s)]));
  const groupRow = (pair, id, name) => {
    // The change of the numbers as shown, so that the table adds up for its reader.
    const difference = pair.before === null || pair.after === null ? null : rounded(pair.after) - rounded(pair.before);
    return { id, name, before: number(pair.before), after: number(pair.after),
      change: signed(difference, number(difference === null ? null : Math.abs(difference))) };
  };
  const groups = (kind) => data[kind].map((g) => groupRow(found[kind][g.id], g.id, g.name));
  const overall = groupRow(found.overall, "overall", say("report.overall"));

  // --- parts

  const statementName = (row) => [row.statement.text + " ",
    node("span", { class: "rating-note" }, [`(${attributeName[row.statement.attribute]})`])];

  function facts() {
    const items = [];
    const add = (key, value, attributes) => items.push(node("dt", {}, [say(key)]), node("dd", attributes || {}, [value]));
    const service = serviceOf(data, baselineFile, followUpFile);
    if (service.text) {
      add("report.service", service.text, service.language ? { lang: data.locales[service.language] || service.language } : {});
    }
    SIDES.forEach(([which, i]) => {
      if (files[i].date) add(`comparison.${which}_date`, node("time", { datetime: files[i].date }, [files[i].date]));
    });
    add("comparison.score_before", overall.before);
    add("comparison.score_after", `${overall.after} (${overall.change})`);
    add("report.model_version", node("code", {}, [data.modelVersion]));
    return node("dl", { class: "report-facts" }, items);
  }

  const notes = () => SIDES.filter(([, i]) => files[i].carriedFrom).flatMap(([which, i]) => {
    const unmapped = files[i].unmapped || [];
    const carried = node("p", { class: "scale-note" },
      [say(`comparison.${which}_carried`, { version: files[i].carriedFrom, current: data.modelVersion })]);
    if (!unmapped.length) return [carried];
    return [carried, node("p", { class: "scale-note" }, [say(`comparison.${which}_unmapped`)]),
      node("ul", { class: "unmapped-list" }, unmapped.map((id) => node("li", {}, [node("code", {}, [id])])))];
  });

  const levels = model.choices.filter((c) => c.score).map((c) => `${c.score} = ${c.label}`).join(", ");
  const notYet = model.choices.find((c) => c.score === 0).label;
  const heading = (level, id, text) => node("h" + level, { id: "compare-" + id }, [text]);

  const lists = () => LISTS.flatMap((key) => {
    const ids = found[key];
    return [
      heading(4, key.replace(/_/g, "-"), `${say("comparison." + key)} (${ids.length})`),
      node("p", {}, [say(`comparison.${key}_help`)]),
      ids.length
        ? node("ul", { class: "moved-list", "data-list": key }, ids.map((id) => node("li", { "data-id": id }, [...statementName(rows[id]),
          " — " + say("comparison.statement_change", { before: rows[id].before, after: rows[id].after, change: rows[id].change })])))
        : node("p", {}, [say("comparison.no_statement")])
    ];
  });

  function chart(kind, titleKey) {
    const shown = (value) => value === null ? say("report.not_rated") : number(value);
    const chartRows = data[kind].map((g) => ({ label: g.name, today: found[kind][g.id].before, target: found[kind][g.id].after }));
    const description = data[kind].map((g, i) => say("comparison.chart_row",
      { name: g.name, before: shown(chartRows[i].today), after: shown(chartRows[i].target) }));
    return logic.drawChart(`compare-chart-${kind}`, chartRows, data.top, data.chart,
      { title: say(titleKey, { top: data.top }), description: description.join(" "), legend }, shown);
  }

  const cells = (row) => ["before", "after", "change"].map((part) => node("td", { "data-score": part }, [row[part]]));
  function groupTable(kind, caption, column, withOverall) {
    return node("div", { class: "table-wrap" }, [node("table", { class: "grid score-table", id: `compare-${kind}-changes`, "data-scores": kind }, [
      node("caption", {}, [say(caption)]),
      node("thead", {}, [node("tr", {}, [say(column), ...legend, say("comparison.change")].map((text) => node("th", { scope: "col" }, [text])))]),
      node("tbody", {}, groups(kind).map((row) => node("tr", { "data-id": row.id }, [node("th", { scope: "row" }, [row.name]), ...cells(row)]))),
      withOverall ? node("tfoot", {}, [node("tr", { "data-id": "overall" }, [node("th", { scope: "row" }, [overall.name]), ...cells(overall)])]) : null
    ])]);
  }

  const statementTables = () => data.attributes.flatMap((attribute) => [
    heading(4, "statements-" + attribute.id, attribute.name),
    node("div", { class: "table-wrap" }, [node("table", { class: "grid answers-table", "data-statements": attribute.id }, [
      node("thead", {}, [node("tr", {}, [say("report.statement_column"), ...legend, say("comparison.change"),
        say("comparison.target_column"), say("comparison.target_met_column")].map((text) => node("th", { scope: "col" }, [text])))]),
      node("tbody", {}, data.statements.filter((s) => s.attribute === attribute.id).map((s) => {
        const row = rows[s.id];
        return node("tr", row.direction ? { "data-id": s.id, "data-direction": row.direction } : { "data-id": s.id }, [
          node("th", { scope: "row" }, [s.text]), ...[row.before, row.after, row.change, row.target, row.met].map((t) => node("td", {}, [t]))
        ]);
      }))
    ])])
  ]);

  // Each done action of the follow-up's plan against the statements it should move (plan.js's
  // actionsAgainst), as _plan.html's progress_section shows it: only when the follow-up has a plan.
  function progress() {
    const plan = followUpFile.plan || [];
    if (!logic.actionsAgainst || !plan.length) return [];
    const done = logic.actionsAgainst(found, followUpFile);
    const parts = [heading(3, "plan-progress", say("plan.progress_heading")), node("p", {}, [say("plan.progress_lead")])];
    if (!done.length) return parts.concat(node("p", {}, [say("plan.progress_none")]));
    const titles = Object.fromEntries(plan.map((action) => [action.id, action.title]));
    const byId = Object.fromEntries(data.statements.map((s) => [s.id, s]));
    const statementCell = (id) => node("td", {}, byId[id]
      ? [node("b", { class: "statement-code" }, [byId[id].code]), " " + byId[id].text] : [node("code", {}, [id])]);
    const tableRows = done.flatMap((action) => {
      const title = node("th", { scope: "row", rowspan: Math.max(action.statements.length, 1) },
        [noteIn(titles[action.id], data.language, followUpFile.language).text]);
      if (!action.statements.length) {
        return [node("tr", { "data-action": action.id }, [title, node("td", {}, [say("plan.progress_no_statements")]), node("td", {}, [])])];
      }
      return action.statements.map((item, i) => node("tr", { "data-action": action.id }, [i ? null : title, statementCell(item.id),
        node("td", { "data-moved": item.moved }, [say("plan.moved_" + item.moved.replace(/-/g, "_"))])]));
    });
    const caption = "compare-plan-progress-caption";
    return parts.concat(node("div", { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": caption }, [
      node("table", { class: "grid plan-table", id: "compare-plan-progress-table" }, [
        node("caption", { id: caption }, [say("plan.progress_caption")]),
        node("thead", {}, [node("tr", {}, ["plan.col_what", "plan.col_statements", "plan.col_moved"].map((key) => node("th", { scope: "col" }, [say(key)])))]),
        node("tbody", {}, tableRows)
      ])
    ]));
  }

  return [
    facts(),
    ...notes(),
    node("p", { class: "scale-note" }, [say("report.scale", { not_yet: notYet, levels })]),
    heading(3, "moved", say("comparison.moved_heading")),
    ...lists(),
    ...progress(),
    heading(3, "by-attribute", say("report.by_attribute_heading")),
    chart("attributes", "comparison.chart_attributes"),
    groupTable("attributes", "comparison.attribute_caption", "report.attribute_column", true),
    heading(3, "by-result", say("report.by_result_heading")),
    chart("results", "comparison.chart_results"),
    groupTable("results", "comparison.result_caption", "report.result_column", false),
    heading(3, "statements", say("comparison.statements_heading")),
    ...statementTables()
  ];
}
