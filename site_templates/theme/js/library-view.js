// The list of the assessments kept in this browser, on the assessment page: which one the form
// edits, a new one, rename, "start the follow-up from this one" (a copy dated today, answers
// kept), export, delete (asked first). When the storage is full or cannot be read, it says so and
// offers what it holds as a download before anything can be lost or overwritten.
// The page (assessment.js) loads it after its first load, with library.js (`kept`) and its words
// (`words`, published beside the page in its language), and gives it what only the page knows
// (`page`: the file check, the file as exported, downloads, the form's state, reading the
// assessment it edits into the form again). It keeps which one the form edits (`editing`),
// and saves the form into it. It imports nothing: the offline copy gives it to the page as a
// `data:` address, from which a module cannot import another.
export function libraryView({ kept, words, storage, key, page }) {
  const $ = (id) => document.getElementById(id);
  const root = $("assessment-library");
  const say = (name, values) => words[name].replace(/\{(\w+)\}/g, (whole, slot) =>
    values && slot in values ? String(values[slot]) : whole);
  const node = (tag, attributes, children) => {
    const element = document.createElement(tag);
    Object.entries(attributes || {}).forEach(([name, value]) => element.setAttribute(name, value));
    (children || []).forEach((child) => { if (child !== null) element.append(child); });
    return element;
  };
  const two = (n) => String(n).padStart(2, "0");
  const day = (iso) => { const d = new Date(iso); return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`; };
  const time = (iso) => { const d = new Date(iso); return `${day(iso)} ${two(d.getHours())}:${two(d.getMinutes())}`; };

  const unreadable = new Map(); // id -> its text, for the assessments that failed the file check
  let library = null;
  let trouble = null; // the LibraryError shown, with `downloaded` once its text was offered
  let editing = null; // the id of the assessment the form edits (each tab its own)
  try { library = kept.openLibrary(storage, key); editing = library.current; } catch (error) { trouble = error; }

  // The form edits `id` from now on (the library's current one when none): read into it again.
  const open = (id) => {
    editing = library && library.list().some((item) => item.id === id) ? id : library && library.current;
    return page.open();
  };

  const entry = (id) => library.list().find((item) => item.id === id);
  const nameOf = (item) => item.name || say("library.untitled");
  const status = (text) => { $("assessment-error").textContent = ""; $("assessment-status").textContent = text; };

  // --- reading an assessment: its text, checked by the page's file check

  function checked(id) {
    const text = library.raw(id);
    if (text === null) return Promise.resolve({});
    return page.check(text).then((outcome) => {
      if (!outcome.refused) { unreadable.delete(id); return outcome; }
      unreadable.set(id, text);
      show({ reason: "corrupt", id, raw: text });
      return null;
    });
  }

  // --- what the storage holds, as downloads

  const json = (value) => JSON.stringify(value, null, 2) + "\n";
  const offers = {
    "export-current": () => page.download("json", json(page.file(page.state(), view.date())), "application/json"),
    "download-raw": () => page.download("txt", trouble.raw, "text/plain;charset=utf-8"),
    "download-all": () => {
      page.download("json", json(kept.storedTexts(storage, key)), "application/json");
      trouble.downloaded = true;
      render();
    },
    rebuild: () => {
      if (!window.confirm(say("library.confirm_rebuild"))) return;
      try {
        library = kept.rebuildLibrary(storage, key);
      } catch (error) {
        return show(error);
      }
      trouble = null;
      render();
      status(say("library.rebuilt", { count: library.list().length }));
      open(library.current);
    }
  };

  function problemBox() {
    if (!trouble) return null;
    const button = (action, label) => node("button", { type: "button", "data-offer": action }, [say(label)]);
    const { reason, id } = trouble;
    if (!library) { // the list cannot be read, or the older assessment could not be moved into it
      const told = reason === "corrupt" ? "library.corrupt_index" : reason === "full" ? "library.full" : "library.not_saved";
      return node("div", { class: "library-problem", role: "alert" }, [node("p", {}, [say(told)]),
        node("p", { class: "tool-row" }, [button("download-all", "library.download_all"),
          trouble.downloaded && reason === "corrupt" ? button("rebuild", "library.rebuild") : null])]);
    }
    if (reason === "corrupt") {
      const name = entry(id) ? nameOf(entry(id)) : id;
      return node("div", { class: "library-problem", role: "alert" }, [node("p", {}, [say("library.corrupt_item", { name })]),
        node("p", { class: "tool-row" }, [button("download-raw", "library.download_raw")])]);
    }
    return node("div", { class: "library-problem", role: "alert" }, [
      node("p", {}, [say(reason === "full" ? "library.full" : "library.not_saved")]),
      node("p", { class: "tool-row" }, [button("export-current", "library.export_current")])]);
  }

  // --- the list

  function row(item) {
    const name = nameOf(item);
    const edited = item.id === editing;
    const button = (action, label) => node("button", { type: "button", "data-do": action },
      [say(label), node("span", { class: "visually-hidden" }, [" — " + name])]);
    return node("tr", edited ? { "data-id": item.id, "aria-current": "true" } : { "data-id": item.id }, [
      node("th", { scope: "row" }, [name, edited ? node("span", { class: "library-editing" }, [" " + say("library.editing")]) : null]),
      node("td", { class: "library-date" }, [day(item.created)]),
      node("td", { class: "library-date" }, [time(item.changed)]),
      node("td", { class: "library-actions" }, [
        edited ? null : button("edit", "library.edit"),
        button("rename", "library.rename"),
        button("follow-up", "library.follow_up"),
        button("export", "library.export"),
        button("delete", "library.delete")
      ])
    ]);
  }

  function render() {
    const items = library ? library.list() : [];
    root.replaceChildren(...[
      node("h2", { id: "library-heading", tabindex: "-1" }, [say("library.heading")]),
      node("p", {}, [say("library.lead")]),
      problemBox(),
      items.length ? node("div", { class: "table-wrap" }, [node("table", { class: "grid library-table", id: "library-list" }, [
        node("caption", { class: "visually-hidden" }, [say("library.heading")]),
        node("thead", {}, [node("tr", {}, ["library.name_column", "library.date_column", "library.changed_column",
          "library.actions_column"].map((name) => node("th", { scope: "col" }, [say(name)])))]),
        node("tbody", {}, items.map(row))
      ])]) : null,
      library ? node("p", { class: "tool-row" }, [node("button", { type: "button", "data-do": "new" }, [say("library.new")])]) : null
    ].filter((part) => part !== null));
    root.hidden = false;
  }

  // Focus after the list is drawn again: the same button of the same row, or `fallback`.
  function refocus(id, action, fallback) {
    const again = id && root.querySelector(`tr[data-id="${id}"] button[data-do="${action}"]`);
    (again || fallback).focus();
  }

  function act(action, id) {
    const item = id && entry(id);
    const name = item ? nameOf(item) : "";
    const form = $("assessment-service");
    if (action === "new") {
      const made = library.create("");
      return open(made).then(() => { render(); status(say("library.created")); form.focus(); });
    }
    if (action === "edit") {
      library.select(id);
      return open(id).then(() => { render(); status(say("library.selected", { name })); form.focus(); });
    }
    if (action === "rename") {
      const given = window.prompt(say("library.rename_prompt", { name }), item.name);
      if (given === null || !given.trim()) return;
      library.rename(id, given.trim());
      render();
      status(say("library.renamed", { name: given.trim() }));
      return refocus(id, action, $("library-heading"));
    }
    if (action === "delete") {
      if (!window.confirm(say("library.confirm_delete", { name }))) return;
      const wasEdited = id === editing;
      library.remove(id);
      unreadable.delete(id);
      if (trouble && trouble.id === id) trouble = null;
      const reopened = wasEdited ? open(library.current) : Promise.resolve();
      return reopened.then(() => { render(); status(say("library.deleted", { name })); $("library-heading").focus(); });
    }
    // Export and the follow-up need the assessment's answers: read and checked first.
    return checked(id).then((outcome) => {
      if (!outcome) return;
      const file = page.file(outcome.file || {}, action === "export" ? day(item.created) : undefined);
      if (action === "export") return page.download("json", json(file), "application/json");
      const copy = library.create(say("library.follow_up_name", { name }), file);
      return open(copy).then(() => {
        render();
        status(say("library.followed_up", { name: nameOf(entry(copy)) }));
        form.focus();
      });
    });
  }

  function show(error) {
    trouble = error;
    render();
  }

  root.addEventListener("click", (event) => {
    const offer = event.target.closest("button[data-offer]");
    if (offer) return offers[offer.dataset.offer]();
    const button = event.target.closest("button[data-do]");
    if (!button) return;
    const row = button.closest("tr[data-id]");
    try {
      const done = act(button.dataset.do, row && row.dataset.id);
      if (done && done.catch) done.catch((error) => (error && error.name === "LibraryError" ? show(error) : status(say("library.unavailable"))));
    } catch (error) {
      if (error && error.name === "LibraryError") show(error);
      else throw error;
    }
  });

  const view = {
    get library() { return library; },
    // The assessment the form edits, checked: a promise of the check's outcome ({} for none).
    // The index is read again first: the other language's page may have changed it meanwhile.
    read: () => {
      if (!library) return Promise.resolve({});
      try {
        library.refresh();
      } catch (error) {
        library = null; // nothing is written over the index that cannot be read
        show(error);
        return Promise.resolve({});
      }
      if (!library.list().some((item) => item.id === editing)) editing = library.current;
      render();
      return editing ? checked(editing) : Promise.resolve({});
    },
    // The form's file into the assessment it edits (a new one once the form is in use); `was`:
    // the service before this edit, `name` after it: the name follows the service until renamed.
    save: (file, inUse, was, name) => {
      if (!library || unreadable.has(editing)) return;
      try {
        if (!editing && inUse) editing = library.create(name, file);
        else if (editing) {
          library.write(editing, file);
          if (was !== undefined && entry(editing).name === was) library.rename(editing, name);
        }
        if (trouble && trouble.reason !== "corrupt") trouble = null;
        render();
      } catch (error) {
        show(error);
      }
    },
    // The date of the assessment the form edits (when it was made), as a file gives it.
    date: () => day(library && editing ? entry(editing).created : new Date().toISOString()),
    // Another tab changed the storage under `storageKey`: whether the form should read its
    // assessment again (it changed, or is gone).
    changed: (storageKey) => {
      if (!library || !storageKey || !storageKey.startsWith(key + ":")) return false;
      try {
        library.refresh();
      } catch (error) {
        library = null; // nothing is written over the index that cannot be read
        show(error);
        return false;
      }
      const gone = !library.list().some((item) => item.id === editing);
      if (gone) editing = library.current;
      render();
      return gone || storageKey === key + ":item:" + editing;
    }
  };
  render();
  return view;
}
