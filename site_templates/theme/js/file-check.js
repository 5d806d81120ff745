// The assessment file, checked as `playbook report` checks it (generator/assessment/reading.py),
// without page, storage or words. The assessment page imports it only when it reads a file or
// its stored answers, so the page's first load does not carry it. Node runs the case table
// tests/assessment/cases/scoring.json against it. It imports nothing: the offline copy gives it
// to the page as a `data:` address, from which a module cannot import another.
const PARTS = ["today", "target"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isNote = (value) => typeof value === "string" || (isObject(value) && Object.values(value).every((t) => typeof t === "string"));

const isDate = (value) => {
  const [, year, month, day] = DATE.exec(value) || [];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === +day;
};

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
