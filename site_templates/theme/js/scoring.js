// The assessment's logic, without page, storage or words: scores, gaps, plays, the chart's
// layout (the file check is file-check.js's). assessment.js imports it; Node runs
// tests/assessment/cases/scoring.json against it as pytest runs the table against
// generator/assessment/. Every number and name comes from `model`: the page's JSON data plus
// the form's attributes and statements.
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

// Gaps compared to a millionth, so equal means tie despite floating-point noise.
const rankingKey = (value) => Math.floor(value * 1000000 + 0.5);

// The groups with a target above today, largest gap first; ties keep the given order.
export const rankGaps = (groups) => groups
  .map((g, index) => ({ g, index, key: gapOf(g) === null ? 0 : rankingKey(gapOf(g)) }))
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
    gaps: rankGaps(attributes),
    plays: recommend(model, scores)
  };
}

// --- showing scores

// Rounded half up to one decimal, as people do (1.25 -> 1.3).
const round = (value) => Math.floor(value * 10 + 0.5) / 10;

export const formatScore = (value, mark) => value === null ? "—" : round(value).toFixed(1).replace(".", mark);

// Greedy word wrap at spaces (a word longer than a line keeps its own line).
export function wrap(text, width) {
  const lines = [];
  let current = "";
  text.split(/[ \t\r\n]+/).filter(Boolean).forEach((word) => {
    if (current && current.length + 1 + word.length > width) { lines.push(current); current = word; }
    else current = current ? current + " " + word : word;
  });
  return current ? lines.concat(current) : lines.length ? lines : [""];
}

// A chart laid out as chart.py does: rows of { label, today, target } on a 0..top scale.
export function layoutChart(rows, top, L) {
  const plot = L.width - L.left - L.value_room, plotTop = L.legend_height + L.axis_height;
  let y = plotTop + L.first_row;
  const laidOut = rows.map((row) => {
    const lines = wrap(row.label, L.wrap).map((text) => ({ y: (y += L.line_height) - L.baseline, text }));
    y += L.label_space;
    const bars = PARTS.map((series) => {
      const width = round(plot * (row[series] || 0) / top);
      const bar = { series, y, width, textX: round(L.left + width + L.value_gap) };
      y += L.bar_height + L.bar_space;
      return bar;
    });
    y += L.row_space;
    return { lines, bars };
  });
  const ticks = [];
  for (let step = 0; step <= top; step++) ticks.push({ x: round(L.left + plot * step / top), label: String(step) });
  return { height: y, plotTop, ticks, rows: laidOut };
}
