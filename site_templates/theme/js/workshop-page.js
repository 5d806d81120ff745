// The team workshop page: participants' files read, checked and merged in this browser, the
// statements most disputed first, a facilitator (projector) view, and the team's consensus
// saved as an ordinary assessment file. The logic is file-check.js's (which files are
// accepted), yaml-subset.js's (YAML read without running anything) and workshop.js's (the
// merge, as `playbook report`), loaded when the first file is read; every number and word
// comes from the page's JSON data.

(() => {
  const $ = (id) => document.getElementById(id);
  const block = $("workshop-data");
  if (!block) return;
  const data = JSON.parse(block.textContent);
  const PARTS = ["today", "target"];
  const say = (key, values) => data.strings[key].replace(/\{(\w+)\}/g, (whole, name) =>
    values && name in values ? String(values[name]) : whole);
  const byId = {};
  data.statements.forEach((statement) => { byId[statement.id] = statement; });
  const rows = data.choices.map((choice) => ({ id: choice.id, label: choice.label }))
    .concat({ id: "unanswered", label: data.unanswered });
  const template = (id) => $(id).content.firstElementChild;
  const slot = (element, name) => element.querySelector(`[data-slot="${name}"]`);
  const list = $("workshop-list"), dialog = $("facilitator"), service = $("workshop-service");

  // --- the workshop: files added (as read, checked again when restored) and the consensus

  let state = { files: [], service: "", consensus: {} };
  let merged = null, order = [], position = 0;

  // The logic, loaded the first time there is a file to read. A file made against an older
  // version of the model is carried over to this one (versions.js), its answers that could not
  // be named beside it.
  let loaded = null, loading = null;
  const load = () => loading || (loading = Promise.all([import("./file-check.js"), import("./workshop.js"), import("./versions.js")])
    .then(([check, workshop, versions]) => { loaded = { check: check.checkWorkshopFile, merge: workshop.merge, carry: versions.carryWorkshopFile }; }));
  const checked = (content) => loaded.carry(data.changelog, loaded.check(data, content));

  // The browser's storage, if the page may use it (a private window may refuse).
  const storage = (() => {
    try {
      const probe = data.storageKey + ":test";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  })();

  function save() {
    if (!storage) return;
    try { storage.setItem(data.storageKey, JSON.stringify(state)); } catch (error) { tell("workshop.storage_unavailable"); }
  }

  // What was kept in this browser: files the model no longer accepts are left out.
  function restore(saved) {
    const files = Array.isArray(saved.files) ? saved.files : [];
    state.files = files.filter((entry) => entry && typeof entry.name === "string" && checked(entry.data).file);
    state.service = typeof saved.service === "string" ? saved.service : "";
    const consensus = saved.consensus && typeof saved.consensus === "object" ? saved.consensus : {};
    Object.keys(consensus).filter((id) => id in byId && consensus[id] && typeof consensus[id] === "object").forEach((id) => {
      const agreed = {};
      ["today", "target", "notes"].forEach((field) => {
        if (typeof consensus[id][field] === "string") agreed[field] = consensus[id][field];
      });
      state.consensus[id] = agreed;
    });
  }

  // --- reading files: each one whole or not at all

  // A file's content: JSON, else YAML (its reader loaded the first time one comes).
  function parse(text) {
    const content = text.replace(/^\ufeff/, "");
    try { return Promise.resolve({ content: JSON.parse(content) }); } catch (error) { /* not JSON: perhaps YAML */ }
    return import("./yaml-subset.js").then(({ parseYaml }) => {
      const read = parseYaml(content, data.yaml);
      if (!read.refused) return { content: read.data };
      return { refused: "workshop.error_yaml_" + read.refused.replace(/-/g, "_"), values: { line: read.line, key: read.key } };
    });
  }

  function read(file) {
    const name = file.name;
    const refuse = (key, values) => ({ name, refused: say(key, { ...values, file: name }) });
    if (file.size > data.maxBytes) return Promise.resolve(refuse("workshop.error_too_large", { limit: data.maxBytes / 1000000 }));
    return file.text().then(parse).then((parsed) => {
      if (parsed.refused) return refuse(parsed.refused, parsed.values);
      const outcome = checked(parsed.content);
      if (!outcome.refused) return { name, data: parsed.content, carried: outcome.file.carried };
      const values = outcome.values || {};
      return refuse("assessment.error_" + outcome.refused.replace(/-/g, "_"), { ...values, ids: values.ids && values.ids.join(", ") });
    }, () => refuse("workshop.error_not_readable"));
  }

  function add(files) {
    const chosen = Array.from(files);
    load().then(() => Promise.all(chosen.map(read)), unavailable).then((outcomes) => {
      if (!outcomes) return;
      const refused = outcomes.filter((outcome) => outcome.refused);
      const added = outcomes.filter((outcome) => !outcome.refused);
      state.files.push(...added.map(({ name, data: content }) => ({ name, data: content })));
      $("workshop-refused").replaceChildren(...refused.map((outcome) => {
        const item = document.createElement("li");
        item.textContent = outcome.refused;
        return item;
      }));
      save();
      draw();
      const lost = added.filter(({ carried }) => carried && carried.ids).map(({ name, carried }) => say("followup.workshop_unmapped", { ...carried, file: name }));
      tell(added.length ? "workshop.added" : null, { count: added.length }, lost);
    });
  }

  // Part of the page did not load (a module, when the network went away).
  const unavailable = () => tell("workshop.error_unavailable");

  // --- messages

  function tell(key, values, more) {
    $("workshop-status").textContent = [key ? say(key, values) : "", ...(more || [])].filter(Boolean).join(" ");
  }

  // --- the view

  // Each file's name as the team will see it, as the team report names them: the label and
  // organisation a participant gave, else "Participant 1, 2, …"; a tally by its hands.
  function drawParticipants(checkedFiles) {
    let unnamed = 0;
    const nameOf = (file) => {
      if (file.kind === "tally") return say("team.tally_item", { count: file.participants });
      const who = file.participant || {};
      const named = [who.label, who.organisation].filter((part) => part && part.trim());
      return named.length ? named.join(" — ") : say("team.participant_n", { n: ++unnamed });
    };
    $("workshop-participants").replaceChildren(...checkedFiles.map((file, index) => {
      const item = template("workshop-participant").cloneNode(true);
      const name = nameOf(file);
      slot(item, "name").textContent = name;
      slot(item, "file").textContent = "(" + state.files[index].name + ")";
      const carried = slot(item, "carried"), lost = file.carried && file.carried.ids;
      carried.hidden = !lost;
      if (lost) carried.textContent = say("followup.workshop_unmapped", { ...file.carried, file: state.files[index].name });
      const button = item.querySelector("button");
      button.setAttribute("aria-label", say("workshop.remove_label", { name }));
      button.dataset.index = index;
      return item;
    }));
    $("workshop-none").hidden = checkedFiles.length > 0;
  }

  const isDisputed = (id) => merged.statements[id].spread > 0 || merged.statements[id].mixed_not_applicable;

  // One statement: its distribution as a table (the numbers in text, bars beside them) and
  // the consensus fields; `where` keeps the ids of the list and the facilitator view apart.
  function card(id, where) {
    const statement = byId[id], found = merged.statements[id], prefix = `${where}-${id}`;
    const item = template("workshop-card").cloneNode(true);
    item.dataset.statement = id;
    slot(item, "code").textContent = statement.code;
    slot(item, "text").textContent = statement.text;
    slot(item, "attribute").textContent = statement.attributeName;
    slot(item, "spread").textContent = say("workshop.spread", { spread: found.spread, distinct: found.distinct, top: data.top });
    slot(item, "mixed").hidden = !found.mixed_not_applicable;
    slot(item, "caption").textContent = say("workshop.caption", { code: statement.code, count: merged.participants });
    item.querySelector("h3").id = prefix;
    slot(item, "rows").replaceChildren(...rows.map((row) => {
      const line = template("workshop-row").cloneNode(true);
      slot(line, "label").textContent = row.label;
      PARTS.forEach((part) => {
        const count = found[part][row.id] || 0, cell = line.querySelector(`[data-part="${part}"]`);
        cell.querySelector(".bar").style.setProperty("--share", merged.participants ? count / merged.participants : 0);
        cell.querySelector(".count").textContent = count;
      });
      return line;
    }));
    const agreed = state.consensus[id] || {};
    item.querySelectorAll("select[data-field], textarea[data-field]").forEach((field) => {
      field.id = `${prefix}-${field.dataset.field}`;
      field.value = agreed[field.dataset.field] || "";
      item.querySelector(`label[data-field="${field.dataset.field}"]`).htmlFor = field.id;
    });
    return item;
  }

  function draw() {
    const files = loaded ? state.files.map((entry) => checked(entry.data).file) : [];
    drawParticipants(files);
    service.value = state.service || files.map(({ service: note }) => typeof note === "string" ? note
      : (note && (note[data.language] || Object.values(note)[0])) || "").find(Boolean) || "";
    const some = files.length > 0;
    $("workshop-statements").hidden = !some;
    document.querySelectorAll("[data-action=facilitator], [data-action=save]").forEach((button) => { button.disabled = !some; });
    if (!some) return list.replaceChildren();
    merged = loaded.merge(data, files);
    const first = new Set(merged.most_disputed);
    order = merged.most_disputed.concat(data.statements.map((s) => s.id).filter((id) => !first.has(id)));
    position = Math.min(position, order.length - 1);
    $("workshop-summary").textContent = say("workshop.summary", {
      count: merged.participants, disputed: merged.most_disputed.length, total: order.length,
      mixed: order.filter((id) => merged.statements[id].mixed_not_applicable).length
    });
    list.replaceChildren(...order.map((id) => card(id, "list")));
  }

  // --- consensus

  function record(event) {
    const field = event.target.closest("[data-field]");
    const item = event.target.closest("[data-statement]");
    if (!field || !item || field.tagName === "LABEL") return;
    const id = item.dataset.statement;
    const agreed = state.consensus[id] || (state.consensus[id] = {});
    agreed[field.dataset.field] = field.value;
    save();
  }

  function isoDate() {
    const now = new Date(), two = (n) => String(n).padStart(2, "0");
    return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
  }

  // The consensus as an assessment file: the agreed ratings, the rationale as notes, and the
  // anonymous distribution each was agreed from.
  function consensusFile() {
    const file = { format: data.format, format_version: data.formatVersion, model_version: data.modelVersion };
    if (service.value.trim()) file.service = service.value.trim();
    file.date = isoDate();
    file.language = data.language;
    file.consensus = { participants: merged.participants };
    file.answers = {};
    data.statements.forEach(({ id }) => {
      const agreed = state.consensus[id] || {}, answer = {};
      PARTS.forEach((part) => { if (agreed[part]) answer[part] = agreed[part]; });
      if (agreed.notes && agreed.notes.trim()) answer.notes = agreed.notes.trim();
      answer.distribution = { today: merged.statements[id].today, target: merged.statements[id].target };
      file.answers[id] = answer;
    });
    return file;
  }

  function saveConsensus() {
    const name = `${say("workshop.file_name")}-${isoDate()}.json`;
    const blob = new Blob([JSON.stringify(consensusFile(), null, 2) + "\n"], { type: "application/json" });
    const link = Object.assign(document.createElement("a"), { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    tell("workshop.saved", { file: name });
  }

  // --- facilitator (projector) mode: one statement at a time

  function show() {
    const id = order[position], body = $("facilitator-body"), lost = !dialog.contains(document.activeElement) || body.contains(document.activeElement);
    body.replaceChildren(card(id, "facilitator"));
    body.start = position + 1;
    if (lost) body.querySelector("h3").focus();
    $("facilitator-position").textContent = say("workshop.position", { number: position + 1, total: order.length, code: byId[id].code });
  }

  function move(step) {
    if (step === "leave") return dialog.close();
    if (step === "disputed") {
      const next = order.findIndex((id, index) => index > position && isDisputed(id));
      const found = next >= 0 ? next : order.findIndex(isDisputed);
      if (found < 0 || found === position) return;
      position = found;
    } else {
      position = Math.max(0, Math.min(order.length - 1, position + step));
    }
    show();
  }

  const KEYS = { ArrowRight: 1, PageDown: 1, n: 1, N: 1, ArrowLeft: -1, PageUp: -1, p: -1, P: -1, d: "disputed", D: "disputed" };

  dialog.addEventListener("keydown", (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.target.closest("input, select, textarea")) return;
    if (!(event.key in KEYS)) return;
    event.preventDefault();
    move(KEYS[event.key]);
  });
  dialog.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-move]");
    if (button) move(button.dataset.move === "leave" || button.dataset.move === "disputed" ? button.dataset.move : Number(button.dataset.move));
  });
  dialog.addEventListener("close", () => {
    draw();
    const heading = $("list-" + order[position]);
    (heading || $("workshop-facilitator")).focus();
  });

  function facilitate() {
    dialog.showModal();
    show();
    $("facilitator-body").querySelector("h3").focus();
  }

  // --- start

  const actions = {
    facilitator: facilitate,
    save: saveConsensus,
    clear: () => {
      if (!window.confirm(say("workshop.confirm_clear"))) return;
      state = { files: [], service: "", consensus: {} };
      $("workshop-refused").replaceChildren();
      save();
      draw();
      tell("workshop.cleared");
    },
    remove: (button) => {
      const index = Number(button.dataset.index);
      const name = button.parentElement.querySelector("[data-slot=name]").textContent;
      state.files.splice(index, 1);
      save();
      draw();
      tell("workshop.removed", { name });
      $("participants-heading").focus();
    }
  };

  let saved = null;
  try { saved = JSON.parse(storage && storage.getItem(data.storageKey)); } catch (error) { saved = null; }
  if (saved && typeof saved === "object") {
    const needed = Array.isArray(saved.files) && saved.files.length ? load() : Promise.resolve();
    needed.then(() => { restore(saved); draw(); }, unavailable);
  }
  if (!storage) tell("workshop.storage_unavailable");

  $("workshop-tools").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-action]");
    if (button) actions[button.dataset.action](button);
  });
  const picker = $("workshop-files");
  picker.addEventListener("change", () => { add(picker.files); picker.value = ""; });
  const zone = $("workshop-drop");
  ["dragenter", "dragover"].forEach((type) => zone.addEventListener(type, (event) => {
    event.preventDefault();
    zone.classList.add("dropping");
  }));
  ["dragleave", "drop"].forEach((type) => zone.addEventListener(type, () => zone.classList.remove("dropping")));
  zone.addEventListener("drop", (event) => {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length) add(event.dataTransfer.files);
  });
  service.addEventListener("input", () => { state.service = service.value; save(); });
  list.addEventListener("input", record);
  list.addEventListener("change", record);
  $("facilitator-body").addEventListener("input", record);
  $("facilitator-body").addEventListener("change", record);
  $("workshop-tools").hidden = false;
})();
