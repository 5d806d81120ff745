// An assessment made against an older version of the model, carried to the current one, as
// generator/assessment/versions.py does it (its docstring gives the rules; the case table
// tests/assessment/cases/scoring.json holds both to them). Pure logic, no page: `changelog` is
// the page's JSON (`changelog_json`), newest version first.

// The recorded version a file's model_version names: a version ("2026.1"), or a format 1
// file's short hash of its statement ids.
export const versionOf = (changelog, found) =>
  changelog.versions.find((v) => v.version === found) || changelog.versions.find((v) => v.ids_hash === found) || null;

// Equal answers: the same values under the same keys, however ordered.
function same(a, b) {
  if (a === b) return true;
  if (!a || !b || typeof a !== "object" || typeof b !== "object" || Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = Object.keys(a).sort();
  return keys.join("\n") === Object.keys(b).sort().join("\n") && keys.every((key) => same(a[key], b[key]));
}

// One version's changes applied to the answers of the version before it (a Map of id ->
// { answer, origins }, origins being the file's ids); what cannot be carried goes to `unmapped`.
function step(version, before, unmapped) {
  const waiting = new Map(before), after = new Map();
  version.changes.forEach((change) => {
    const found = change.from.filter((old) => waiting.has(old)).map((old) => {
      const carried = waiting.get(old);
      waiting.delete(old);
      return carried;
    });
    if (!found.length) return;
    const origins = found.flatMap((carried) => carried.origins);
    const agreed = found.every((carried) => same(carried.answer, found[0].answer));
    if (change.change === "removed" || !agreed) { unmapped.push(...origins); return; }
    change.to.forEach((id) => after.set(id, { answer: found[0].answer, origins }));
  });
  waiting.forEach((carried, id) => {
    if (after.has(id)) unmapped.push(...carried.origins);
    else after.set(id, carried);
  });
  return after;
}

// `answers` (by statement id) made against `fromVersion`, a recorded version, carried to the
// newest: { answers, unmapped } with the file's ids that could not be carried over, sorted.
export function mapAnswers(changelog, fromVersion, answers) {
  const index = changelog.versions.findIndex((v) => v.version === fromVersion);
  if (index < 0) throw new Error(`not a recorded version: ${fromVersion}`);
  let current = new Map(Object.keys(answers).map((id) => [id, { answer: answers[id], origins: [id] }]));
  const unmapped = [];
  changelog.versions.slice(0, index).reverse().forEach((version) => { current = step(version, current, unmapped); });
  // fromEntries makes own properties, whatever the id ("__proto__" included).
  const mapped = Object.fromEntries([...current].map(([id, { answer }]) => [id, answer]));
  return { answers: mapped, unmapped: unmapped.sort() };
}

// The plan of a file made against `fromVersion`: each action's statements carried to the newest
// version as answers are (generator/assessment/plan_check.py: carry_plan); a removed one is left out.
export const carryPlan = (changelog, fromVersion, plan) => plan.map((action) => ({
  ...action,
  statements: Object.keys(mapAnswers(changelog, fromVersion, Object.fromEntries(action.statements.map((id) => [id, true]))).answers)
}));

// A checked file made against `fromVersion`, carried to the newest as
// generator/assessment/reading.py carries one: its answers, and its plan's statements when it
// has a plan; `unmapped` the file's answer ids that could not be carried over, sorted.
export function carryFile(changelog, fromVersion, file) {
  const { answers, unmapped } = mapAnswers(changelog, fromVersion, file.answers);
  const plan = file.plan ? { plan: carryPlan(changelog, fromVersion, file.plan) } : {};
  return { file: { ...file, answers, ...plan }, unmapped };
}

// A workshop file as file-check.js's checkWorkshopFile gives it, carried to the newest version
// when it was made against an older one: its answers mapped, and `carried` keeping that version
// and the ids that could not be carried over, for the workshop page to name.
export function carryWorkshopFile(changelog, outcome) {
  if (!outcome.file || !outcome.version) return outcome;
  const { file, unmapped } = carryFile(changelog, outcome.version, outcome.file);
  return { file: { ...file, carried: { version: outcome.version, ids: unmapped.join(", ") } } };
}
