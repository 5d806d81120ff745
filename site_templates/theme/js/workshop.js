// Several participants' answers merged, without page or words: the rules of
// generator/assessment/workshop.py, held to the same cases (operation `merge` of
// tests/assessment/cases/scoring.json). The output has the keys of `playbook report`'s JSON.
// `model` is the page's data (choices with their points, statements in the model's order);
// `entries` are checked files: { kind: "assessment", answers } or
// { kind: "tally", participants, statements: { <statement id>: { today, target } } }.
const PARTS = ["today", "target"];
const NOT_APPLICABLE = "not-applicable";
const UNANSWERED = "unanswered";

const own = (object, key) => !!object && Object.prototype.hasOwnProperty.call(object, key);

// The keys of a distribution, in order: not-yet, the levels, not-applicable, unanswered.
export const countKeys = (model) => [...model.choices.map((choice) => choice.id), UNANSWERED];

const participantsOf = (entry) => entry.kind === "tally" ? entry.participants : 1;

// One file's ratings for a statement added to `counts`.
function add(counts, entry, id, part) {
  if (entry.kind === "tally") {
    const given = own(entry.statements, id) && own(entry.statements[id], part) ? entry.statements[id][part] : {};
    let raised = 0;
    Object.keys(given).forEach((rating) => { counts[rating] += given[rating]; raised += given[rating]; });
    counts[UNANSWERED] += entry.participants - raised;
    return;
  }
  const rating = own(entry.answers, id) ? entry.answers[id][part] : null;
  counts[typeof rating === "string" && own(counts, rating) ? rating : UNANSWERED] += 1;
}

function spreadOf(model, today) {
  const points = new Map(model.choices.map((choice) => [choice.id, choice.score]));
  const given = Object.keys(today).filter((rating) => rating !== UNANSWERED && today[rating] > 0);
  const scores = given.map((rating) => points.get(rating)).filter((score) => score !== null);
  const rated = given.filter((rating) => rating !== NOT_APPLICABLE).reduce((sum, rating) => sum + today[rating], 0);
  return {
    spread: scores.length ? Math.max(...scores) - Math.min(...scores) : 0,
    distinct: given.length,
    mixed_not_applicable: today[NOT_APPLICABLE] > 0 && rated > 0
  };
}

// { participants, statements: { <id>: { today, target, spread, distinct, mixed_not_applicable } },
//   most_disputed: [ids] }: the statements with a spread above 0, largest spread first, then
//   most distinct answers today, then the model's order.
export function merge(model, entries) {
  const keys = countKeys(model);
  const statements = {};
  model.statements.forEach(({ id }) => {
    const counts = {};
    PARTS.forEach((part) => {
      counts[part] = Object.fromEntries(keys.map((key) => [key, 0]));
      entries.forEach((entry) => add(counts[part], entry, id, part));
    });
    statements[id] = { today: counts.today, target: counts.target, ...spreadOf(model, counts.today) };
  });
  const mostDisputed = model.statements.map(({ id }) => id).filter((id) => statements[id].spread > 0)
    .sort((a, b) => statements[b].spread - statements[a].spread || statements[b].distinct - statements[a].distinct);
  return {
    participants: entries.reduce((sum, entry) => sum + participantsOf(entry), 0),
    statements,
    most_disputed: mostDisputed
  };
}
