// A follow-up assessment against its baseline, as generator/assessment/comparison.py compares
// them (its docstring gives the rules; tests/assessment/cases/scoring.json holds both to them).
// Pure logic, no page: `compare` gives the JSON of `playbook report --baseline`, snake_case keys
// included. Both sets of answers are by statement id of the current model (`versions.js` maps
// an older file's first). It imports nothing: the offline copy gives it to a page as a `data:`
// address, from which a module cannot import another; so the points and means of scoring.js
// are written again here, held to the same cases.
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);

// The points of a rating: null for none or "not applicable".
function points(model, choice) {
  const found = choice && model.choices.find((c) => c.id === choice);
  return found ? found.score : null;
}

const mean = (values) => {
  const counted = values.filter((value) => value !== null);
  return counted.length ? counted.reduce((sum, value) => sum + value, 0) / counted.length : null;
};

// Each statement's points today and for the target, in the model's order.
const scored = (model, answers) => model.statements.map((statement) => {
  const answer = own(answers, statement.id) ? answers[statement.id] : {};
  return { statement, today: points(model, answer.today || null), target: points(model, answer.target || null) };
});

// Whether the target is above today; null when either does not count.
const hasGap = (s) => s.today === null || s.target === null ? null : s.target > s.today;

export function compare(model, baseline, followUp) {
  const [then, now] = [scored(model, baseline), scored(model, followUp)];
  const statements = {}, lists = { improved: [], declined: [], targets_met: [], gaps_opened: [], gaps_closed: [] };
  then.forEach((b, i) => {
    const a = now[i], id = b.statement.id, before = b.today, after = a.today;
    const change = before === null || after === null ? null : after - before;
    const targetMet = b.target === null || after === null ? null : after >= b.target;
    statements[id] = { before, after, change, target_met: targetMet };
    if (change > 0) lists.improved.push(id);
    if (change < 0) lists.declined.push(id);
    if (targetMet === true) lists.targets_met.push(id);
    if (hasGap(a) === true && hasGap(b) !== true) lists.gaps_opened.push(id);
    if (hasGap(b) === true && hasGap(a) === false) lists.gaps_closed.push(id);
  });
  // Per group, the mean of its statements' points today in each assessment.
  const pair = (test) => ({
    before: mean(then.filter((s) => test(s.statement)).map((s) => s.today)),
    after: mean(now.filter((s) => test(s.statement)).map((s) => s.today))
  });
  const groups = (list, test) => Object.fromEntries(list.map((g) => [g.id, pair((s) => test(s, g.id))]));
  return {
    statements,
    ...lists,
    attributes: groups(model.attributes, (s, id) => s.attribute === id),
    results: groups(model.results, (s, id) => s.results.includes(id)),
    overall: pair(() => true)
  };
}
