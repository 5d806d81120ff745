// The assessment's logic, without page, storage or words: scores, gaps, plays, as
// generator/assessment/scoring.py (the file check is file-check.js's, the chart's layout
// chart.js's). assessment.js imports it; Node runs tests/assessment/cases/scoring.json against
// it as pytest runs the table against generator/assessment/. Every number and name comes from
// `model`: the page's JSON data plus the form's attributes and statements.
const PARTS = ["today", "target"];
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// --- scores, as generator/assessment/scoring.py

// The points of a rating: null for none or "not applicable".
export function points(model, choice) {
  const found = choice && model.choices.find((c) => c.id === choice);
  return found ? found.score : null;
}

const average = (values) => {
  const counted = values.filter((value) => value !== null);
  return counted.length ? counted.reduce((sum, value) => sum + value, 0) / counted.length : null;
};
const gapOf = (g) => g.today === null || g.target === null ? null : g.target - g.today;

function group(id, members) {
  const scores = (part) => members.map((m) => m[part + "Score"]);
  const rated = (part) => scores(part).filter((score) => score !== null).length;
  const g = { id, today: average(scores("today")), target: average(scores("target")) };
  return { ...g, gap: gapOf(g), ratedToday: rated("today"), ratedTarget: rated("target"), statements: members.length };
}

// The groups with a target above today, largest gap first; ties keep the given order. Gaps are
// compared in whole 1/precision of a point, so equal means tie despite floating-point noise.
export const rankGaps = (groups, precision) => groups
  .map((g, index) => ({ g, index, key: gapOf(g) === null ? 0 : Math.floor(gapOf(g) * precision + 0.5) }))
  .filter(({ key }) => key > 0)
  .sort((a, b) => b.key - a.key || a.index - b.index)
  .map(({ g }) => g);

// The plays that advance the statements rated lowest, most useful first: by the lowest today
// score among them, then how many share it, then the sum of their gaps, then playbook order.
function recommend(model, scores) {
  const goal = (s) => s.targetScore !== null ? s.targetScore : model.top;
  const candidates = scores.filter((s) => s.todayScore !== null && s.todayScore < goal(s));
  const ranked = [];
  model.plays.forEach((play, index) => {
    const advanced = candidates.filter((s) => play.statements.includes(s.statement.id));
    if (!advanced.length) return;
    const lowest = Math.min(...advanced.map((s) => s.todayScore));
    const atLowest = advanced.filter((s) => s.todayScore === lowest).length;
    const totalGap = advanced.reduce((sum, s) => sum + goal(s) - s.todayScore, 0);
    advanced.sort((a, b) => a.todayScore - b.todayScore || a.index - b.index);
    ranked.push({ key: [lowest, -atLowest, -totalGap, index], play, statements: advanced });
  });
  const order = (a, b) => a.key.map((value, i) => value - b.key[i]).find((d) => d !== 0) || 0;
  return ranked.sort(order).slice(0, model.recommendedPlays);
}

export function assess(model, answers) {
  const scores = model.statements.map((statement, index) => {
    const answer = own(answers, statement.id) ? answers[statement.id] : {};
    const [today, target] = PARTS.map((part) => answer[part] || null);
    return { statement, index, today, target, todayScore: points(model, today), targetScore: points(model, target) };
  });
  const within = (test) => scores.filter((s) => test(s.statement));
  const attributes = model.attributes.map((a) => group(a.id, within((s) => s.attribute === a.id)));
  return {
    statements: scores,
    attributes,
    results: model.results.map((r) => group(r.id, within((s) => s.results.includes(r.id)))),
    overall: group("overall", scores),
    gaps: rankGaps(attributes, model.tiePrecision),
    plays: recommend(model, scores)
  };
}

// --- showing scores

// Rounded half up to one decimal, as people do (1.25 -> 1.3).
const round = (value) => Math.floor(value * 10 + 0.5) / 10;

export const formatScore = (value, mark) => value === null ? "—" : round(value).toFixed(1).replace(".", mark);
