// A follow-up assessment against its baseline, as generator/assessment/comparison.py compares
// them (its docstring gives the rules; tests/assessment/cases/scoring.json holds both to them).
// Pure logic, no page: `compare` gives the JSON of `playbook report --baseline`, snake_case keys
// included. Both sets of answers are by statement id of the current model (`versions.js` maps
// an older file's first).
import { assess } from "./scoring.js";

// Whether the target is above today; null when either does not count.
const hasGap = (s) => s.todayScore === null || s.targetScore === null ? null : s.targetScore > s.todayScore;

const pairs = (before, after) => Object.fromEntries(before.map((group, i) => [group.id, { before: group.today, after: after[i].today }]));

export function compare(model, baseline, followUp) {
  const [then, now] = [assess(model, baseline), assess(model, followUp)];
  const statements = {}, lists = { improved: [], declined: [], targets_met: [], gaps_opened: [], gaps_closed: [] };
  then.statements.forEach((b, i) => {
    const a = now.statements[i], id = b.statement.id;
    const before = b.todayScore, after = a.todayScore;
    const change = before === null || after === null ? null : after - before;
    const targetMet = b.targetScore === null || after === null ? null : after >= b.targetScore;
    statements[id] = { before, after, change, target_met: targetMet };
    if (change > 0) lists.improved.push(id);
    if (change < 0) lists.declined.push(id);
    if (targetMet === true) lists.targets_met.push(id);
    if (hasGap(a) === true && hasGap(b) !== true) lists.gaps_opened.push(id);
    if (hasGap(b) === true && hasGap(a) === false) lists.gaps_closed.push(id);
  });
  return {
    statements,
    ...lists,
    attributes: pairs(then.attributes, now.attributes),
    results: pairs(then.results, now.results),
    overall: { before: then.overall.today, after: now.overall.today }
  };
}
