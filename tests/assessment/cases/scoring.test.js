// The case table scoring.json, run against the assessment page's modules (scoring.js,
// file-check.js, chart.js, compare.js, versions.js, plan.js) by Node's own test runner:
// `node --test tests/assessment/cases/scoring.test.js` (pytest runs it too, in
// tests/assessment/test_scoring_cases.py, after running the same table against generator/).
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { compare } from "../../../site_templates/theme/js/compare.js";
import {
  checkFile, checkText, checkWorkshopFile, checkWorkshopText
} from "../../../site_templates/theme/js/file-check.js";
import { layoutChart, wrap } from "../../../site_templates/theme/js/chart.js";
import { assess, formatScore, rankGaps } from "../../../site_templates/theme/js/scoring.js";
import { actionsAgainst, largestGaps, planCsv } from "../../../site_templates/theme/js/plan.js";
import { carryFile, mapAnswers, versionOf } from "../../../site_templates/theme/js/versions.js";
import { merge } from "../../../site_templates/theme/js/workshop.js";

const table = JSON.parse(readFileSync(new URL("./scoring.json", import.meta.url), "utf8"));
const TOLERANCE = 1e-6;
const GROUP_FIELDS = ["today", "target", "gap", "rated_today", "rated_target", "statements"];
const MERGE_FIELDS = ["today", "target", "spread", "distinct", "mixed_not_applicable"];

// The table's model as the page's data gives it (generator/render/assessment_page.py): the choices are
// "not yet" (0 points), the levels and "not applicable" (no points); the file's fields are the
// format's; attributes and statements are those the form shows.
const spec = table.model;
const model = {
  format: "client-centric-assessment",
  formatVersion: 2,
  readVersions: [1, 2],
  tallyFormat: "client-centric-tally",
  modelVersion: spec.changelog[0].version,
  fields: ["format", "format_version", "model_version", "service", "date", "language", "participant", "consensus", "answers", "stage", "plan"],
  answerFields: ["today", "target", "notes", "distribution"],
  languagePattern: "^[a-z]{2,3}$",
  choices: [{ id: "not-yet", score: 0 }, ...spec.levels, { id: "not-applicable", score: null }],
  top: Math.max(...spec.levels.map((level) => level.score)),
  recommendedPlays: spec.recommended_plays,
  tiePrecision: 1000000,
  attributes: spec.attributes.map(({ id }) => ({ id })),
  statements: spec.attributes.flatMap((attribute) => attribute.statements.map((statement, index) => ({
    id: statement.id, code: `${attribute.code}-${index + 1}`, attribute: attribute.id, results: statement.results
  }))),
  results: spec.results.map((id) => ({ id })),
  plays: spec.plays,
  stages: spec.stages,
  // As generator/assessment/versions.py's changelog_json gives it: each version's name, the hash
  // of its statement ids and its changes, not the ids themselves.
  changelog: { versions: spec.changelog.map(({ version, statements, changes }) => ({
    version, changes, ids_hash: createHash("sha256").update([...statements].sort().join("\n")).digest("hex").slice(0, 12)
  })) }
};

function same(found, expected) {
  if (typeof expected === "number") return typeof found === "number" && Math.abs(found - expected) < TOLERANCE;
  if (Array.isArray(expected)) {
    return Array.isArray(found) && found.length === expected.length && expected.every((e, i) => same(found[i], e));
  }
  if (expected && typeof expected === "object") {
    const keys = (object) => Object.keys(object).sort().join("\n");
    return !!found && typeof found === "object" && keys(found) === keys(expected)
      && Object.keys(expected).every((key) => same(found[key], expected[key]));
  }
  return found === expected;
}

const shownGroup = (group, fields) => {
  assert.ok(Object.keys(fields).every((field) => GROUP_FIELDS.includes(field)), `unknown group fields: ${Object.keys(fields)}`);
  const named = { today: group.today, target: group.target, gap: group.gap, rated_today: group.ratedToday,
    rated_target: group.ratedTarget, statements: group.statements };
  return Object.fromEntries(Object.keys(fields).map((field) => [field, named[field]]));
};

const groups = (found, expected) => Object.fromEntries(Object.entries(expected || {}).map(([id, fields]) => {
  const group = found.find((g) => g.id === id);
  assert.ok(group, `no group ${id}`);
  return [id, shownGroup(group, fields)];
}));

const runners = {
  assess(input, expected) {
    const found = assess(model, input.answers);
    return {
      points: Object.fromEntries(found.statements.filter((s) => expected.points && s.statement.id in expected.points)
        .map((s) => [s.statement.id, { today: s.todayScore, target: s.targetScore }])),
      attributes: groups(found.attributes, expected.attributes),
      results: groups(found.results, expected.results),
      overall: shownGroup(found.overall, expected.overall || {}),
      gaps: found.gaps.map((g) => g.id),
      plays: found.plays.map((advice) => ({ play: advice.play.id, statements: advice.statements.map((s) => s.statement.id) }))
    };
  },
  rank_gaps: (input) => ({ order: rankGaps(input.groups, model.tiePrecision).map((g) => g.id) }),
  format_score: (input) => ({ shown: formatScore(input.value, input.decimal_mark) }),
  wrap: (input) => ({ lines: wrap(input.text, input.width) }),
  chart(input) {
    const chart = layoutChart(input.rows, input.top, input.layout);
    const box = ({ x, y, width, height }) => [x, y, width, height];
    return {
      height: chart.height,
      plot_top: chart.plotTop,
      grid_bottom: chart.gridBottom,
      tick_y: chart.tickY,
      ticks: chart.ticks.map(({ x, label }) => [x, label]),
      legend: chart.legend.map((entry) => ({ series: entry.series, box: box(entry.box), text_x: entry.textX, text_y: entry.textY })),
      rows: chart.rows.map((row) => ({
        lines: row.lines.map(({ y, text }) => [y, text]),
        bars: row.bars.map((bar) => ({
          series: bar.series, y: bar.y, width: bar.width, box: box(bar.box), text_x: bar.textX, text_y: bar.textY
        }))
      }))
    };
  },
  compare: (input) => compare(model, input.baseline, input.follow_up),
  version_of: (input) => ({ versions: input.found.map((found) => (versionOf(model.changelog, found) || { version: null }).version) }),
  map_answers: (input) => mapAnswers(model.changelog, input.from_version, input.answers),
  plan_gaps: (input) => ({ gaps: largestGaps(model, input.answers, input.limit).map((gap) => gap.statement.id) }),
  plan_csv: (input) => ({ csv: planCsv(model, { plan: input.plan }, { language: input.language, headings: input.headings }) }),
  plan_progress: (input) => ({ actions: actionsAgainst(compare(model, input.baseline, input.follow_up), { plan: input.plan }) }),
  merge(input, expected) {
    const merged = merge(model, input.entries);
    const statements = Object.fromEntries(Object.entries(expected.statements || {}).map(([id, fields]) => {
      assert.ok(Object.keys(fields).every((field) => MERGE_FIELDS.includes(field)), `unknown statement fields: ${Object.keys(fields)}`);
      return [id, Object.fromEntries(Object.keys(fields).map((field) => [field, merged.statements[id][field]]))];
    }));
    return { ...merged, statements };
  },
  check_file(input, expected) {
    const outcome = input.workshop
      ? ("text" in input ? checkWorkshopText(model, input.text) : checkWorkshopFile(model, input.file))
      : ("text" in input ? checkText(model, input.text, false) : checkFile(model, input.file, false));
    if (outcome.refused) {
      const refused = { refused: outcome.refused };
      if ("ids" in expected) refused.ids = outcome.values.ids;
      if ("where" in expected) refused.where = outcome.values.where;
      return refused;
    }
    const present = (block) => Object.fromEntries(Object.entries(block).filter(([, value]) => value !== null && value !== ""));
    if (outcome.file.kind === "tally") {
      return { accepted: { tally: { participants: outcome.file.participants, statements: outcome.file.statements } } };
    }
    // As the pages read it: an older version's answers and plan carried over by versions.js.
    const { file, unmapped } = outcome.version ? carryFile(model.changelog, outcome.version, outcome.file)
      : { file: outcome.file, unmapped: [] };
    const accepted = { answers: Object.fromEntries(Object.entries(file.answers).map(([id, answer]) => [id, present(answer)])) };
    if (expected.accepted && "unmapped" in expected.accepted) accepted.unmapped = unmapped;
    ["participant", "consensus"].forEach((field) => {
      if (expected.accepted && field in expected.accepted && outcome.file[field]) accepted[field] = present(outcome.file[field]);
    });
    if (expected.accepted && "stage" in expected.accepted) accepted.stage = outcome.file.stage;
    if (expected.accepted && "plan" in expected.accepted) {
      accepted.plan = file.plan.map((action) => Object.fromEntries(Object.entries(action).filter(([, value]) => value !== null)));
    }
    return { accepted };
  }
};

test("every operation of the table has a runner and a case", () => {
  assert.deepEqual(Object.keys(table.operations).sort(), Object.keys(runners).sort());
  assert.deepEqual([...new Set(table.cases.map((c) => c.operation))].sort(), Object.keys(runners).sort());
});

for (const testCase of table.cases) {
  test(testCase.name, () => {
    assert.deepEqual(Object.keys(testCase).sort(), ["expected", "input", "name", "operation"]);
    const found = runners[testCase.operation](testCase.input, testCase.expected);
    for (const [key, value] of Object.entries(testCase.expected)) {
      assert.ok(key in found, `expected ${key}: ${JSON.stringify(value)}; found ${JSON.stringify(found)}`);
      assert.ok(same(found[key], value), `${key}: expected ${JSON.stringify(value)}, found ${JSON.stringify(found[key])}`);
    }
  });
}

// The page alone reads its own stored answers leniently (`playbook report` has no such mode):
// answers for statements gone from the model are dropped and counted, and another model
// version is no reason to lose the rest.
test("stored answers keep what the model still has and count what it no longer has", () => {
  const stored = {
    format: "client-centric-assessment", format_version: 1, model_version: "0123456789ab",
    answers: { "simple-words": { today: "some" }, "simple-gone": { today: "some" }, "fair-gone": { notes: "x" } }
  };
  const outcome = checkFile(model, stored, true);
  assert.deepEqual(outcome.file.answers, { "simple-words": { today: "some", notes: "" } });
  assert.equal(outcome.dropped, 2);
  assert.equal(checkFile(model, stored, false).refused, "model-version");
});

test("stored answers are still refused when they are not an assessment or not well formed", () => {
  assert.equal(checkFile(model, { format: "client-centric-assessment", format_version: 1, answers: [] }, true).refused, "invalid");
  assert.equal(checkFile(model, "answers", true).refused, "not-assessment");
});

test("stored answers keep their plan when the model no longer has a stage or a statement it names", () => {
  const stored = {
    format: "client-centric-assessment", format_version: 2, stage: "phase-out",
    plan: [{ id: "a1", title: "Plain letters", statements: ["simple-words", "simple-gone"], status: "done" }]
  };
  const outcome = checkFile(model, stored, true);
  assert.equal(outcome.file.stage, null);
  assert.deepEqual(outcome.file.plan, [{
    id: "a1", title: "Plain letters", statements: ["simple-words"], horizon: "now", status: "done"
  }]);
  assert.equal(checkFile(model, stored, false).refused, "invalid");
});
