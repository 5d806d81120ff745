// The results view of an assessment, as site_templates/pages/_report.html shows a report: the
// facts, a chart and a table of scores by attribute and by result, the largest gaps and the
// plays recommended. The assessment page draws it under its form; the shared page and the
// comparison page draw it read-only from a file. Every number and word comes from the page's
// JSON data (`data`) and `model` (data plus the attributes and statements, each with its text).
//
// It imports nothing: the offline copy gives it to a page as a `data:` address, from which a
// module cannot import another. The page passes the logic it needs, already loaded: `assess`
// and `formatScore` from scoring.js, `drawChart` from chart.js.
// An element with its attributes and children (text as text, never as markup).
export function node(tag, attributes, children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
  (children || []).forEach((child) => {
    if (child !== null) element.append(typeof child === "object" ? child : String(child));
  });
  return element;
}

// The results view of `file` (a checked assessment file: its answers by statement id of
// `model`, and its service) as a list of nodes. `tools`: { assess, formatScore, drawChart },
// and optionally `prefix`, the start of the view's element ids ("results" unless given), so
// that two views can share a page.
export function renderResults(data, model, file, tools) {
  const { assess, formatScore, drawChart } = tools;
  const prefix = tools.prefix || "results";
  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const number = (value) => formatScore(value, say("report.decimal_mark"));
  const choices = {};
  data.choices.forEach((choice) => { choices[choice.id] = choice; });
  const choiceLabel = (choice) => choice ? choices[choice].label : say("report.no_answer");

  // Drawn as site_templates/pages/_report.html draws the report's chart, by chart.js.
  function chart(id, titleKey, groups, names) {
    const shown = (value) => value === null ? say("report.not_rated") : number(value);
    const rows = groups.map((g, i) => ({ label: names[i], today: g.today, target: g.target }));
    const described = groups.map((g, i) => say("report.chart_row", { name: names[i], today: shown(g.today), target: shown(g.target) }));
    return drawChart(`${prefix}-${id}`, rows, data.top, data.chart, {
      title: say(titleKey, { top: data.top }), description: described.join(" "),
      legend: [say("report.today_column"), say("report.target_column")]
    }, shown);
  }

  const scoreRow = (g, name) => node("tr", { "data-id": g.id }, [
    node("th", { scope: "row" }, [name]),
    ...["today", "target", "gap"].map((part) => node("td", { "data-score": part }, [number(g[part])])),
    node("td", {}, [say("report.rated_value", { rated: g.ratedToday, total: g.statements })])
  ]);

  function scoreTable(kind, groups, names, overall) {
    const head = ["report." + kind + "_column", "report.today_column", "report.target_column", "report.gap_column", "report.rated_column"];
    return node("div", { class: "table-wrap" }, [node("table", { class: "grid score-table", id: `${prefix}-${kind}-scores`, "data-scores": kind }, [
      node("caption", {}, [say("report." + kind + "_caption")]),
      node("thead", {}, [node("tr", {}, head.map((key) => node("th", { scope: "col" }, [say(key)])))]),
      node("tbody", {}, groups.map((g, index) => scoreRow(g, names[index]))),
      overall ? node("tfoot", {}, [scoreRow(overall, say("report.overall"))]) : null
    ])]);
  }

  const found = assess(model, file.answers || {});
  const overall = found.overall;
  if (!overall.ratedToday && !overall.ratedTarget) return [node("p", {}, [say("assessment.results_empty")])];
  const attributeNames = model.attributes.map((a) => a.name);
  const resultNames = data.results.map((r) => r.name);
  const facts = [];
  // The service in the page's language; named in several languages, its first otherwise.
  const named = file.service;
  const service = (!named ? "" : typeof named === "string" ? named
    : data.language in named ? named[data.language] : Object.values(named)[0] || "").trim();
  if (service) facts.push(node("dt", {}, [say("report.service")]), node("dd", {}, [service]));
  [["report.rated_today", say("report.rated_value", { rated: overall.ratedToday, total: overall.statements })],
    ["report.rated_target", say("report.rated_value", { rated: overall.ratedTarget, total: overall.statements })],
    ["report.score_today", number(overall.today)],
    ["report.score_target", number(overall.target)]].forEach(([key, value]) => {
    facts.push(node("dt", {}, [say(key)]), node("dd", {}, [value]));
  });
  const levels = data.choices.filter((c) => c.score).map((c) => `${c.score} = ${c.label}`).join(", ");
  const heading = (id, key) => node("h3", { id: prefix + "-" + id }, [say(key)]);
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
        node("strong", {}, [model.attributes.find((a) => a.id === g.id).name]),
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
