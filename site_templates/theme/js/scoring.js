// The assessment's logic, without page, storage or words: the file check, scores, gaps, plays,
// the chart's layout. assessment.js imports it; Node runs tests/assessment/cases/scoring.json
// against it as pytest runs the table against generator/assessment/. Every number and name
// comes from `model`: the page's JSON data plus the form's attributes and statements.
const PARTS = ["today", "target"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isNote = (value) => typeof value === "string" || (isObject(value) && Object.values(value).every((t) => typeof t === "string"));

const isDate = (value) => {
  const [, year, month, day] = DATE.exec(value) || [];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === +day;
};

// --- the assessment file, checked as `playbook report` checks it

// The text of a file: as checkFile, or refused as "not-json".
export function checkText(model, text, lenient) {
  let parsed;
  try { parsed = JSON.parse(text.replace(/^\ufeff/, "")); } catch (error) { return { refused: "not-json", values: {} }; }
  return checkFile(model, parsed, lenient);
}

// A parsed file: { file: { service, language, answers }, dropped } or { refused, values }, the
// first fault found (values.where names a field, values.ids statements). Stored answers are
// `lenient`: those for statements no longer in the model are dropped.
export function checkFile(model, file, lenient) {
  const refuse = (refused, values) => ({ refused, values: values || {} });
  const invalid = (where) => refuse("invalid", { where });
  if (!isObject(file) || file.format !== model.format) return refuse("not-assessment");
  if (file.format_version !== model.formatVersion) {
    if (!own(file, "format_version")) return invalid("format_version");
    return refuse("format-version", { found: JSON.stringify(file.format_version), supported: model.formatVersion });
  }
  const stray = Object.keys(file).find((key) => !model.fields.includes(key));
  if (stray !== undefined) return invalid(stray);
  const { model_version: version, language, date } = file;
  if (version != null && typeof version !== "string") return invalid("model_version");
  if (own(file, "service") && !isNote(file.service)) return invalid("service");
  if (language != null && !(typeof language === "string" && new RegExp(model.languagePattern).test(language))) return invalid("language");
  if (date != null && !(typeof date === "string" && isDate(date))) return invalid("date");
  if (own(file, "answers") && !isObject(file.answers)) return invalid("answers");
  if (!lenient && version != null && version !== model.modelVersion) return refuse("model-version", { found: version, current: model.modelVersion });
  const known = new Set(model.statements.map((s) => s.id));
  const choices = new Set(model.choices.map((c) => c.id));
  const answers = file.answers || {}, kept = {}, unknown = [], offScale = [];
  let wrong = null;
  Object.keys(answers).forEach((id) => {
    const answer = answers[id], where = "answers." + id;
    if (!isObject(answer)) { wrong = wrong || where; return; }
    const stranger = Object.keys(answer).find((key) => !model.answerFields.includes(key));
    if (stranger !== undefined) wrong = wrong || where + "." + stranger;
    if (answer.notes != null && !isNote(answer.notes)) wrong = wrong || where + ".notes";
    PARTS.forEach((part) => { if (typeof answer[part] === "object" && answer[part]) wrong = wrong || where + "." + part; });
    if (!known.has(id)) return unknown.push(id);
    kept[id] = { notes: answer.notes || "" };
    PARTS.forEach((part) => {
      const value = answer[part];
      if (typeof value === "string" && choices.has(value)) kept[id][part] = value;
      else if (value != null && !offScale.includes(id)) offScale.push(id);
    });
  });
  if (wrong) return invalid(wrong);
  if (!lenient && unknown.length) return refuse("unknown-statements", { ids: unknown });
  if (!lenient && offScale.length) return refuse("bad-ratings", { ids: offScale });
  return { file: { service: file.service || "", language: language || null, answers: kept }, dropped: unknown.length };
}

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
