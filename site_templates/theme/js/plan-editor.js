// The action plan's editor on the assessment page: the stage picker, suggestions (the largest
// gaps, the plays recommended for them, the stage's checklist), the actions (add, edit,
// remove) and the plan's CSV. assessment.js loads it with plan.js once the stored answers are
// read, and hands both in (`openPlan(host, logic)`): the offline copy gives modules to the page
// as `data:` addresses, from which a module cannot import another. The words, the statements'
// codes and the stages' checklists are in the page (#plan-data); everything typed is shown as
// text, never as markup.
const HORIZONS = ["now", "next", "later"];
const STATUSES = ["planned", "in-progress", "done", "dropped"];
const TITLE_LIMIT = 200;
const GAPS_SHOWN = 5;

function node(tag, attributes, children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => { if (value !== null && value !== undefined) element.setAttribute(name, value); });
  (children || []).forEach((child) => { if (child !== null && child !== undefined) element.append(child); });
  return element;
}

// host: { model, state(), save(), download(extension, content, type, name), plays() };
// logic: plan.js. Gives { fill() }, for assessment.js to call when the answers change.
export function openPlan(host, logic) {
  const root = document.getElementById("plan-editor");
  const stagePicker = document.getElementById("plan-stage");
  const page = JSON.parse(document.getElementById("plan-data").textContent);
  const { model } = host;
  const say = (key, values) => page.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const language = page.language;
  const text = (note) => logic.textIn(note, language);
  const statementOf = (id) => model.statements.find((s) => s.id === id);
  const playOf = (id) => model.plays.find((p) => p.id === id);
  const choiceLabel = (id) => (model.choices.find((c) => c.id === id) || {}).label || "";
  const plan = () => host.state().plan || (host.state().plan = []);
  let editing = null; // the action being edited: { id (null for a new one), fields }

  function freeId() {
    const taken = new Set(plan().map((action) => action.id));
    let number = 1;
    while (taken.has("a" + number)) number += 1;
    return "a" + number;
  }

  // The editor is drawn again after each change; its messages stay in one live region.
  const body = node("div", {}, []);
  const message = node("p", { id: "plan-message", class: "assessment-status", role: "status" }, []);
  root.replaceChildren(body, message);
  function tell(key, values) { message.textContent = say(key, values); }

  // --- suggestions

  function addButton(what, prefill) {
    const button = node("button", { type: "button", class: "plan-add-from", "aria-label": say("plan.add_for", { what }) }, [say("plan.add_short")]);
    button.addEventListener("click", () => edit(null, prefill));
    return button;
  }

  function suggestions() {
    const state = host.state();
    const gaps = logic.largestGaps(model, state.answers, GAPS_SHOWN);
    const gapItems = gaps.map(({ statement }) => {
      const answer = state.answers[statement.id];
      const shown = say("plan.gap_item", { code: page.codes[statement.id], text: statement.text,
        today: choiceLabel(answer.today), target: choiceLabel(answer.target) });
      const play = model.plays.find((p) => p.statements.includes(statement.id));
      return node("li", {}, [shown + " ", addButton(shown, { statements: [statement.id], play: play ? play.id : null })]);
    });
    const plays = host.plays().map((advice) => node("li", {}, [
      node("a", { href: advice.play.url }, [advice.play.title]), " ",
      addButton(advice.play.title, { title: advice.play.title, play: advice.play.id, statements: advice.statements.map((s) => s.statement.id) })
    ]));
    const stage = state.stage;
    const stageName = stage ? stagePicker.querySelector(`option[value="${stage}"]`).textContent : "";
    const items = stage ? (page.checklists[stage] || []).map((item) => node("li", {}, [item + " ", addButton(item, { title: item.slice(0, TITLE_LIMIT) })])) : [];
    const list = (entries, empty, cls) => entries.length ? node("ul", { class: cls }, entries) : node("p", {}, [say(empty)]);
    return node("div", { class: "plan-suggestions no-print" }, [
      node("h4", {}, [say("plan.suggestions_heading")]),
      node("h5", {}, [say("plan.gaps_heading")]), list(gapItems, "plan.gaps_none", "plan-gaps"),
      node("h5", {}, [say("plan.plays_heading")]), list(plays, "plan.plays_none", "plan-plays"),
      stage ? node("h5", {}, [say("plan.checklist_heading", { stage: stageName })]) : null,
      stage ? list(items, "plan.checklist_none", "plan-checklist") : node("p", {}, [say("plan.checklist_none")])
    ]);
  }

  // --- the actions

  const word = (kind, value) => say(`plan.${kind}_${value.replace(/-/g, "_")}`);

  function table() {
    const actions = plan();
    if (!actions.length) return node("p", { class: "plan-none" }, [say("plan.none")]);
    const heads = ["what", "statements", "play", "owner", "due", "horizon", "status"];
    const rows = actions.map((action) => {
      const title = text(action.title);
      const play = action.play && playOf(action.play);
      const tools = node("td", { class: "no-print" }, [
        node("button", { type: "button", "data-plan": "edit", "data-id": action.id, "aria-label": say("plan.edit", { title }) }, [say("plan.edit_short")]), " ",
        node("button", { type: "button", "data-plan": "remove", "data-id": action.id, "aria-label": say("plan.remove", { title }) }, [say("plan.remove_short")])
      ]);
      const description = text(action.description);
      return node("tr", { "data-action": action.id }, [
        node("th", { scope: "row" }, [node("span", {}, [title]), description ? node("span", { class: "plan-description" }, [description]) : null]),
        node("td", {}, [(action.statements || []).map((id) => page.codes[id] || id).join(", ")]),
        node("td", {}, [play ? play.title : ""]),
        node("td", {}, [text(action.owner)]),
        node("td", {}, [action.due || ""]),
        node("td", {}, [word("horizon", action.horizon || "now")]),
        node("td", {}, [word("status", action.status || "planned")]),
        tools
      ]);
    });
    const wrap = { class: "table-wrap", tabindex: "0", role: "region", "aria-labelledby": "plan-actions-caption" };
    return node("div", wrap, [node("table", { class: "grid plan-table", id: "plan-actions" }, [
      node("caption", { id: "plan-actions-caption" }, [say("plan.actions_caption")]),
      node("thead", {}, [node("tr", {}, [...heads.map((key) => node("th", { scope: "col" }, [say("plan.col_" + key)])),
        node("th", { scope: "col", class: "no-print" }, [say("plan.col_change")])])]),
      node("tbody", {}, rows)
    ])]);
  }

  // --- the action's fields

  function field(id, label, control) {
    return node("div", { class: "service-field" }, [node("label", { for: id }, [label]), control]);
  }

  function choice(id, values, chosen, label) {
    return node("select", { id }, values.map(([value, shown]) => {
      const option = node("option", { value }, [shown]);
      option.selected = value === chosen;
      return option;
    }));
  }

  function editor() {
    const fields = editing.fields;
    const titleInput = node("input", { type: "text", id: "plan-title", maxlength: String(TITLE_LIMIT), required: "", "aria-describedby": "plan-title-error" });
    titleInput.value = text(fields.title);
    const description = node("textarea", { id: "plan-description", rows: "2" });
    description.value = text(fields.description);
    const chosen = new Set(fields.statements || []);
    const groups = model.attributes.map((attribute) => node("fieldset", { class: "plan-statement-group" }, [
      node("legend", {}, [attribute.name]),
      ...model.statements.filter((s) => s.attribute === attribute.id).map((statement) => {
        const box = node("input", { type: "checkbox", id: "plan-statement-" + statement.id, value: statement.id });
        box.checked = chosen.has(statement.id);
        return node("div", {}, [box, " ", node("label", { for: box.id }, [`${page.codes[statement.id]} ${statement.text}`])]);
      })
    ]));
    const owner = node("input", { type: "text", id: "plan-owner" });
    owner.value = text(fields.owner);
    const due = node("input", { type: "date", id: "plan-due" });
    due.value = fields.due || "";
    return node("div", { class: "plan-action-editor no-print", role: "group", "aria-labelledby": "plan-editor-heading" }, [
      node("h4", { id: "plan-editor-heading", tabindex: "-1" }, [say(editing.id ? "plan.edit_heading" : "plan.new_heading")]),
      field("plan-title", say("plan.title_label"), titleInput),
      node("p", { id: "plan-title-error", class: "assessment-error", role: "alert" }, []),
      field("plan-description", say("plan.description_label"), description),
      node("fieldset", { class: "plan-statements" }, [node("legend", {}, [say("plan.statements_legend")]), ...groups]),
      field("plan-play", say("plan.play_label"), choice("plan-play", [["", say("plan.play_none")], ...model.plays.map((p) => [p.id, p.title])], fields.play || "")),
      field("plan-owner", say("plan.owner_label"), owner),
      field("plan-due", say("plan.due_label"), due),
      field("plan-horizon", say("plan.horizon_label"), choice("plan-horizon", HORIZONS.map((h) => [h, word("horizon", h)]), fields.horizon || "now")),
      field("plan-status", say("plan.status_label"), choice("plan-status", STATUSES.map((s) => [s, word("status", s)]), fields.status || "planned")),
      node("p", { class: "tool-row" }, [
        node("button", { type: "button", "data-plan": "save" }, [say("plan.save")]), " ",
        node("button", { type: "button", "data-plan": "cancel" }, [say("plan.cancel")])
      ])
    ]);
  }

  // A text edited here: a text in several languages keeps the others.
  const edited = (before, value) => before && typeof before === "object" ? { ...before, [language]: value } : value;

  function saveAction() {
    const value = (id) => root.querySelector("#" + id).value;
    const title = value("plan-title").trim();
    if (!title) {
      root.querySelector("#plan-title-error").textContent = say("plan.title_missing");
      root.querySelector("#plan-title").focus();
      return;
    }
    const before = editing.fields;
    const action = { id: editing.id || freeId(), title: edited(before.title, title) };
    const optional = { description: value("plan-description").trim(), owner: value("plan-owner").trim() };
    Object.entries(optional).forEach(([key, given]) => { if (given) action[key] = edited(before[key], given); });
    action.statements = Array.from(root.querySelectorAll(".plan-statements input:checked"), (box) => box.value);
    if (value("plan-play")) action.play = value("plan-play");
    if (value("plan-due")) action.due = value("plan-due");
    action.horizon = value("plan-horizon");
    action.status = value("plan-status");
    const actions = plan();
    const at = actions.findIndex((a) => a.id === action.id);
    if (at >= 0) actions[at] = action; else actions.push(action);
    const id = action.id;
    editing = null;
    host.save();
    render();
    tell("plan.saved", { title });
    const button = root.querySelector(`button[data-plan="edit"][data-id="${id}"]`);
    if (button) button.focus();
  }

  function edit(id, prefill) {
    const action = id ? plan().find((a) => a.id === id) : null;
    editing = { id: action ? action.id : null, fields: action ? { ...action } : { ...prefill } };
    render();
    root.querySelector("#plan-editor-heading").focus();
  }

  function remove(id) {
    const action = plan().find((a) => a.id === id);
    const title = text(action.title);
    if (!window.confirm(say("plan.confirm_remove", { title }))) return;
    host.state().plan = plan().filter((a) => a.id !== id);
    host.save();
    render();
    tell("plan.removed", { title });
    root.querySelector('button[data-plan="add"]').focus();
  }

  function exportCsv() {
    const headings = ["title", "description", "owner", "due", "labels"].map((key) => say("plan.csv_" + key));
    const file = { plan: plan() };
    const coded = { statements: model.statements.map((s) => ({ id: s.id, code: page.codes[s.id] })) };
    host.download("csv", logic.planCsv(coded, file, { language, headings }), "text/csv;charset=utf-8", say("plan.csv_file_name"));
  }

  function render() {
    stagePicker.value = host.state().stage || "";
    message.textContent = "";
    const tools = node("p", { class: "tool-row no-print" }, [
      node("button", { type: "button", "data-plan": "add" }, [say("plan.add_short")]), " ",
      node("button", { type: "button", "data-plan": "csv" }, [say("plan.export_csv")])
    ]);
    body.replaceChildren(...[suggestions(), table(), editing ? editor() : null, tools].filter(Boolean));
  }

  const buttons = {
    add: () => edit(null, {}),
    csv: exportCsv,
    save: saveAction,
    cancel: () => { editing = null; render(); root.querySelector('button[data-plan="add"]').focus(); },
    edit: (button) => edit(button.dataset.id),
    remove: (button) => remove(button.dataset.id)
  };
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-plan]");
    if (button) buttons[button.dataset.plan](button);
  });
  // The editor sits in the assessment's form: its keys and edits are its own, not the answers'.
  const own = (event) => event.stopPropagation();
  root.addEventListener("input", own);
  root.addEventListener("change", own);
  root.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" || event.target.tagName !== "INPUT") return;
    event.preventDefault(); // not the assessment form's submission
    if (editing && event.target.type !== "checkbox") saveAction();
  });
  stagePicker.addEventListener("change", (event) => {
    event.stopPropagation();
    host.state().stage = stagePicker.value || null;
    host.save();
    render();
  });
  stagePicker.addEventListener("input", own);

  render();
  return { fill: () => { editing = null; render(); } };
}
