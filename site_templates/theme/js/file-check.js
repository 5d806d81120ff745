// The assessment file, checked as `playbook report` checks it (generator/assessment/reading.py),
// without page, storage or words. The assessment page imports it only when it reads a file or
// its stored answers, so the page's first load does not carry it. Node runs the case table
// tests/assessment/cases/scoring.json against it. It imports nothing: the offline copy gives it
// to the page as a `data:` address, from which a module cannot import another.
//
// Format version 2 (read beside version 1, which has none of its fields) adds who answered
// (`participant`), a team's `consensus`, each answer's `distribution`, the lifecycle `stage`
// and the action `plan` (generator/assessment/plan_check.py); the model gives the stage ids
// (`stages`) and the plays (`plays`, each with its id). The workshop page also
// reads tallies (generator/assessment/tally.py): checkWorkshopFile takes either kind; its model
// needs `tallyFormat` and the statements' codes (render/assessment_page.py: workshop_file_data).
const PARTS = ["today", "target"];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const VERSION_2_FIELDS = ["participant", "consensus", "stage", "plan"];
// An action of the plan, as generator/schema/assessment.py's Action gives it.
const ACTION_FIELDS = ["id", "title", "description", "statements", "play", "owner", "due", "horizon", "status"];
const ACTION_ID = /^[a-z0-9-]{1,64}$/;
const TITLE_LIMIT = 200;
const HORIZONS = ["now", "next", "later"];
const STATUSES = ["planned", "in-progress", "done", "dropped"];
const PARTICIPANT_FIELDS = ["label", "organisation"];
const CONSENSUS_FIELDS = ["participants"];
const TALLY_FIELDS = ["format", "format_version", "service", "date", "language", "participants", "statements"];
const UNANSWERED = "unanswered";

const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isNote = (value) => typeof value === "string" || (isObject(value) && Object.values(value).every((t) => typeof t === "string"));
const isCount = (value, least) => Number.isInteger(value) && value >= least;
const refuse = (refused, values) => ({ refused, values: values || {} });
const invalid = (where) => refuse("invalid", { where });

const isDate = (value) => {
  const [, year, month, day] = DATE.exec(value) || [];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return year > 0 && date.getUTCMonth() === month - 1 && date.getUTCDate() === +day;
};

// The text of a file: as checkFile (or checkWorkshopFile), or refused as "not-json".
function parse(text) {
  try { return { parsed: JSON.parse(text.replace(/^\ufeff/, "")) }; } catch (error) { return { refused: "not-json", values: {} }; }
}

export function checkText(model, text, lenient) {
  const outcome = parse(text);
  return outcome.refused ? outcome : checkFile(model, outcome.parsed, lenient);
}

export function checkWorkshopText(model, text) {
  const outcome = parse(text);
  return outcome.refused ? outcome : checkWorkshopFile(model, outcome.parsed);
}

// The first fault of the fields every file has: service, date, language; null when none.
function headerFault(model, file) {
  const { language, date } = file;
  if (own(file, "service") && !isNote(file.service)) return "service";
  if (date != null && !(typeof date === "string" && isDate(date))) return "date";
  if (language != null && !(typeof language === "string" && new RegExp(model.languagePattern).test(language))) return "language";
  return null;
}

// The first wrong field of a block that may only have `fields`, with `check` for each value.
function blockFault(block, where, fields, check) {
  if (!isObject(block)) return where;
  const stray = Object.keys(block).find((key) => !fields.includes(key));
  if (stray !== undefined) return where + "." + stray;
  const wrong = fields.find((key) => !check(key, block[key]));
  return wrong === undefined ? null : where + "." + wrong;
}

// Version 2's blocks: who answered and the consensus; the first wrong field, or null.
function version2Fault(file) {
  if (file.format_version === 1) return VERSION_2_FIELDS.find((key) => own(file, key)) || null;
  if (file.participant != null) {
    const fault = blockFault(file.participant, "participant", PARTICIPANT_FIELDS, (key, value) => value == null || typeof value === "string");
    if (fault) return fault;
  }
  if (file.consensus != null) {
    return blockFault(file.consensus, "consensus", CONSENSUS_FIELDS, (key, value) => isCount(value, 1));
  }
  return null;
}

// A title: a note, not blank, at most TITLE_LIMIT characters (code points) in each language.
const isTitle = (value) => isNote(value)
  && (typeof value === "string" ? [value] : Object.values(value)).every((text) => text.trim() !== "" && [...text].length <= TITLE_LIMIT);

// The first wrong field of one action (at `where`, "plan[1]"), or null; `known` holds the
// statement ids the file may name.
function actionFault(model, action, where, known) {
  if (!isObject(action)) return where;
  const stray = Object.keys(action).find((key) => !ACTION_FIELDS.includes(key));
  if (stray !== undefined) return where + "." + stray;
  if (!(typeof action.id === "string" && ACTION_ID.test(action.id))) return where + ".id";
  if (!isTitle(action.title)) return where + ".title";
  const notes = ["description", "owner"].find((key) => action[key] != null && !isNote(action[key]));
  if (notes) return where + "." + notes;
  if (own(action, "statements")) {
    if (!Array.isArray(action.statements)) return where + ".statements";
    const wrong = action.statements.findIndex((id) => typeof id !== "string" || !known.has(id));
    if (wrong >= 0) return `${where}.statements[${wrong + 1}]`;
  }
  if (action.play != null && !(typeof action.play === "string" && model.plays.some((play) => play.id === action.play))) return where + ".play";
  if (action.due != null && !(typeof action.due === "string" && isDate(action.due))) return where + ".due";
  if (own(action, "horizon") && !HORIZONS.includes(action.horizon)) return where + ".horizon";
  if (own(action, "status") && !STATUSES.includes(action.status)) return where + ".status";
  return null;
}

// The stage and the plan: { fault } (a field's path) or { stage, plan } with each action's
// fields as given, its statements [] and its horizon "now" and status "planned" when left out.
// Stored answers are `lenient`: a stage or statements the model no longer has are left out.
function checkPlan(model, file, known, lenient) {
  const isStage = (id) => typeof id === "string" && model.stages.includes(id);
  const stage = file.stage == null || (lenient && !isStage(file.stage)) ? null : file.stage;
  if (stage !== null && !isStage(stage)) return { fault: "stage" };
  if (!own(file, "plan")) return { stage, plan: [] };
  if (!Array.isArray(file.plan)) return { fault: "plan" };
  const actions = file.plan.map((given) => (lenient && isObject(given) && Array.isArray(given.statements)
    ? { ...given, statements: given.statements.filter((id) => known.has(id)) } : given));
  const seen = new Set();
  for (const [index, action] of actions.entries()) {
    const where = `plan[${index + 1}]`;
    const fault = actionFault(model, action, where, known) || (seen.has(action.id) ? where + ".id" : null);
    if (fault) return { fault };
    seen.add(action.id);
  }
  const plan = actions.map((action) => {
    const kept = { id: action.id, title: action.title, statements: action.statements || [] };
    ["description", "play", "owner", "due"].forEach((key) => { if (action[key] != null) kept[key] = action[key]; });
    return { ...kept, horizon: action.horizon || "now", status: action.status || "planned" };
  });
  return { stage, plan };
}

// An answer's distribution: { fault } (a field's path), { offScale } (a count of a rating the
// scale does not have), { total } (the participants it counts) or { counts }.
function checkDistribution(model, distribution, where) {
  const keys = [...model.choices.map((c) => c.id), UNANSWERED];
  const fault = blockFault(distribution, where, PARTS, (part, counts) => isObject(counts));
  if (fault) return { fault };
  const counts = {};
  let offScale = false, totals = [];
  for (const part of PARTS) {
    const given = distribution[part];
    const wrong = Object.keys(given).find((key) => !isCount(given[key], 0));
    if (wrong !== undefined) return { fault: `${where}.${part}.${wrong}` };
    if (Object.keys(given).some((key) => !keys.includes(key))) offScale = true;
    else if (keys.some((key) => !own(given, key))) return { fault: `${where}.${part}` };
    counts[part] = Object.fromEntries(keys.map((key) => [key, given[key]]));
    totals.push(Object.values(given).reduce((sum, n) => sum + n, 0));
  }
  return offScale ? { offScale } : { counts, totals };
}

// The statement ids of the version at `index` of the changelog (newest first): the current ones,
// taken back through each newer version's changes (the changelog's check makes sure they add up).
function idsOf(model, index) {
  const ids = new Set(model.statements.map((s) => s.id));
  model.changelog.versions.slice(0, index).forEach((version) => {
    version.changes.forEach((change) => change.to.forEach((id) => ids.delete(id)));
    version.changes.forEach((change) => change.from.forEach((id) => ids.add(id)));
  });
  return ids;
}

// The statement ids of a version the changelog records (by its name), sorted; null for one it
// does not. A shared link (share.js) gives its ratings in this order.
export function versionIds(model, version) {
  const index = model.changelog.versions.findIndex((v) => v.version === version);
  return index < 0 ? null : [...idsOf(model, index)].sort();
}

// A parsed file: { file: { service, language, answers, participant, consensus, stage, plan },
// dropped, version } or { refused, values },
// the first fault found (values.where names a field, values.ids statements). A file made against
// an older version the changelog records is checked against that version's statements, and
// `version` names it: its answers are still by that version's ids (versions.js carries them over).
// Stored answers are `lenient`: those for statements the model does not know are dropped.
export function checkFile(model, file, lenient) {
  if (!isObject(file) || file.format !== model.format) return refuse("not-assessment");
  if (!model.readVersions.includes(file.format_version)) {
    if (!own(file, "format_version")) return invalid("format_version");
    return refuse("format-version", { found: JSON.stringify(file.format_version), supported: model.formatVersion });
  }
  const stray = Object.keys(file).find((key) => !model.fields.includes(key));
  if (stray !== undefined) return invalid(stray);
  const { model_version: version, language } = file;
  if (version != null && typeof version !== "string") return invalid("model_version");
  const header = headerFault(model, file) || version2Fault(file);
  if (header) return invalid(header);
  if (own(file, "answers") && !isObject(file.answers)) return invalid("answers");
  const versions = model.changelog.versions;
  const index = version == null ? 0 : versions.findIndex((v) => v.version === version || v.ids_hash === version);
  if (!lenient && index < 0) return refuse("model-version", { found: version, current: model.modelVersion });
  const known = idsOf(model, Math.max(index, 0));
  const choices = new Set(model.choices.map((c) => c.id));
  const agreed = file.consensus ? file.consensus.participants : null;
  const answers = file.answers || {}, kept = {}, unknown = [], offScale = [], badCounts = [];
  let wrong = null;
  Object.keys(answers).forEach((id) => {
    const answer = answers[id], where = "answers." + id;
    if (!isObject(answer)) { wrong = wrong || where; return; }
    const stranger = Object.keys(answer).find((key) => !model.answerFields.includes(key));
    if (stranger !== undefined) wrong = wrong || where + "." + stranger;
    if (answer.notes != null && !isNote(answer.notes)) wrong = wrong || where + ".notes";
    PARTS.forEach((part) => { if (typeof answer[part] === "object" && answer[part]) wrong = wrong || where + "." + part; });
    let distribution = null;
    if (answer.distribution != null) {
      if (file.format_version === 1) wrong = wrong || where + ".distribution";
      const found = checkDistribution(model, answer.distribution, where + ".distribution");
      if (found.fault) wrong = wrong || found.fault;
      else if (found.offScale) offScale.push(id);
      else if (agreed !== null && found.totals.some((total) => total !== agreed)) badCounts.push(id);
      else distribution = found.counts;
    }
    if (!known.has(id)) return unknown.push(id);
    kept[id] = { notes: answer.notes || "" };
    if (distribution) kept[id].distribution = distribution;
    PARTS.forEach((part) => {
      const value = answer[part];
      if (typeof value === "string" && choices.has(value)) kept[id][part] = value;
      else if (value != null && !offScale.includes(id)) offScale.push(id);
    });
  });
  if (wrong) return invalid(wrong);
  const planned = file.format_version === 1 ? { stage: null, plan: [] } : checkPlan(model, file, known, lenient);
  if (planned.fault) return invalid(planned.fault);
  if (!lenient && unknown.length) return refuse("unknown-statements", { ids: unknown });
  if (!lenient && offScale.length) return refuse("bad-ratings", { ids: offScale });
  if (!lenient && badCounts.length) return refuse("bad-counts", { ids: badCounts });
  const participant = isObject(file.participant) ? file.participant : null;
  const older = index > 0 ? versions[index].version : null;
  return {
    file: {
      service: file.service || "", language: language || null, answers: kept,
      participant: participant && { label: participant.label || null, organisation: participant.organisation || null },
      consensus: file.consensus ? { participants: file.consensus.participants } : null,
      stage: planned.stage, plan: planned.plan
    },
    dropped: unknown.length,
    version: older
  };
}

// A tally: { file: { kind: "tally", service, language, participants, statements } } with the
// hands per statement id (today and target, {} when not given), or { refused, values }.
export function checkTally(model, file) {
  if (file.format_version !== model.formatVersion) {
    if (!own(file, "format_version")) return invalid("format_version");
    return refuse("format-version", { found: JSON.stringify(file.format_version), supported: model.formatVersion });
  }
  const stray = Object.keys(file).find((key) => !TALLY_FIELDS.includes(key));
  if (stray !== undefined) return invalid(stray);
  const header = headerFault(model, file);
  if (header) return invalid(header);
  const participants = file.participants;
  if (!isCount(participants, 1)) return invalid("participants");
  if (own(file, "statements") && !isObject(file.statements)) return invalid("statements");
  const byCode = new Map(model.statements.map((s) => [s.code, s.id]));
  const ids = new Set(model.statements.map((s) => s.id));
  const choices = new Set(model.choices.map((c) => c.id));
  const given = file.statements || {}, statements = {}, unknown = [], twice = [], offScale = [], tooMany = [];
  for (const key of Object.keys(given)) {
    const where = "statements." + key;
    const fault = blockFault(given[key], where, PARTS, (part, hands) => hands === undefined || isObject(hands));
    if (fault) return invalid(fault);
    const hands = {};
    for (const part of PARTS) {
      hands[part] = given[key][part] || {};
      const wrong = Object.keys(hands[part]).find((rating) => !isCount(hands[part][rating], 0));
      if (wrong !== undefined) return invalid(`${where}.${part}.${wrong}`);
    }
    const id = byCode.has(key) ? byCode.get(key) : (ids.has(key) ? key : null);
    if (id === null) { unknown.push(key); continue; }
    if (own(statements, id)) { twice.push(key); continue; }
    statements[id] = hands;
    if (PARTS.some((part) => Object.keys(hands[part]).some((rating) => !choices.has(rating)))) offScale.push(key);
    if (PARTS.some((part) => Object.values(hands[part]).reduce((sum, n) => sum + n, 0) > participants)) tooMany.push(key);
  }
  if (unknown.length) return refuse("unknown-statements", { ids: unknown });
  if (twice.length) return refuse("same-statement", { ids: twice });
  if (offScale.length) return refuse("bad-ratings", { ids: offScale });
  if (tooMany.length) return refuse("too-many-hands", { ids: tooMany });
  return { file: { kind: "tally", service: file.service || "", language: file.language || null, participants, statements } };
}

// A file the workshop page was given: a participant's assessment, a consensus or a tally,
// as `merge` (workshop.js) takes it: { file: { kind, ... }, version } or { refused, values };
// `version` names the older version an assessment was made against, as checkFile does.
export function checkWorkshopFile(model, file) {
  if (isObject(file) && file.format === model.tallyFormat) return checkTally(model, file);
  const outcome = checkFile(model, file, false);
  return outcome.refused ? outcome : { file: { kind: "assessment", ...outcome.file }, version: outcome.version };
}
