// The action plan's rules, as generator/assessment/action_plan.py gives them (its docstring says them;
// the case table tests/assessment/cases/scoring.json holds both to them: plan_gaps, plan_csv,
// plan_progress). Pure logic, no page: the assessment page's plan editor (plan-editor.js) and
// the comparison page use it. It imports nothing: the offline copy gives it to a page as a
// `data:` address, from which a module cannot import another.
const own = (object, key) => !!object && Object.prototype.hasOwnProperty.call(object, key);

// A rating's points: null for none or "not applicable" (scoring.js's, written again here).
function points(model, choice) {
  const found = choice && model.choices.find((c) => c.id === choice);
  return found ? found.score : null;
}

// The statements rated both today and as a target, the target above today, largest gap first,
// ties in the model's order: [{ statement, today, target }] with the points, at most `limit`.
export function largestGaps(model, answers, limit) {
  const found = [];
  model.statements.forEach((statement, index) => {
    const answer = own(answers, statement.id) ? answers[statement.id] : {};
    const today = points(model, answer.today), target = points(model, answer.target);
    if (today !== null && target !== null && target > today) found.push({ statement, today, target, index });
  });
  found.sort((a, b) => (b.target - b.today) - (a.target - a.today) || a.index - b.index);
  return found.slice(0, limit === undefined ? found.length : limit).map(({ statement, today, target }) => ({ statement, today, target }));
}

// A text of the file (plain, or { en, fr }) in `language`; a text in several languages falls
// back to its first.
export const textIn = (note, language) => !note ? "" : typeof note === "string" ? note
  : own(note, language) ? note[language] : Object.values(note)[0] || "";

// One quoted cell; one a spreadsheet would run as a formula is turned into text.
export function csvCell(value) {
  let cell = value === null || value === undefined ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(cell)) cell = "'" + cell;
  return `"${cell.replace(/"/g, '""')}"`;
}

// Rows of cells as a CSV file: UTF-8 with a byte order mark, each line ended by CRLF, as
// spreadsheets expect.
export const csvText = (rows) => "\ufeff" + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");

// The labels of an action: its horizon, its status, the codes of its statements, its play.
function labels(model, action) {
  const codes = (action.statements || []).map((id) => (model.statements.find((s) => s.id === id) || {}).code).filter(Boolean);
  return [`horizon:${action.horizon || "now"}`, `status:${action.status || "planned"}`, ...codes,
    ...(action.play ? [`play:${action.play}`] : [])].join(" ");
}

// The file's plan as CSV for a tracker: `words` gives the CSV's `language` and the `headings`
// of its five columns (title, description, owner, due date, labels).
export function planCsv(model, file, words) {
  const text = (note) => textIn(note, words.language);
  const rows = [words.headings].concat((file.plan || []).map((action) => [
    text(action.title), text(action.description), text(action.owner), action.due || "", labels(model, action)
  ]));
  return csvText(rows);
}

const moved = (change) => change === null || change === undefined ? "not-rated" : change > 0 ? "up" : change < 0 ? "down" : "unchanged";

// Each done action of the follow-up's plan against the statements it should move, from the
// comparison (compare.js): [{ id, title, statements: [{ id, moved }] }], moved being up,
// unchanged, down or not-rated; the title as the file gives it (text, or { en, fr }).
export function actionsAgainst(comparison, followUpFile) {
  return (followUpFile.plan || []).filter((action) => action.status === "done").map((action) => ({
    id: action.id,
    title: action.title,
    statements: (action.statements || []).map((id) => ({
      id, moved: moved(own(comparison.statements, id) ? comparison.statements[id].change : null)
    }))
  }));
}
