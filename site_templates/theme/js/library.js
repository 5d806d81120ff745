// The assessments kept in this browser: an index and one entry per assessment in the browser's
// storage (localStorage), shared by both languages' pages and by every page that reads them
// (the assessment page edits them; the comparison and share pages only read them, through here).
//
//   <key>:library    {"version": 1, "current": "<id>", "items": [{"id", "name", "created", "changed"}]}
//   <key>:item:<id>  the assessment file's JSON, as the assessment page writes it (format 2)
//
// The single assessment older pages kept under <key> itself becomes the first item on the first
// visit; that key is removed only once the library holds it. Nothing here is ever dropped
// silently: storage that is full or that cannot be read is a LibraryError ("full", "corrupt"),
// with the raw text of what could not be read, for the page to offer as a download.
// No page, no words, no file check (the page checks what it reads). It imports nothing: the
// offline copy gives it to a page as a `data:` address, from which a module cannot import another.
const VERSION = 1;
const ID_LENGTH = 10;

export class LibraryError extends Error {
  // reason: "full" (nothing more fits), "corrupt" (the index or an item cannot be read),
  // "unavailable" (the browser refused for another reason); raw: the text that could not be
  // read; id: the item it belongs to (none for the index).
  constructor(reason, raw, id) {
    super(`library: ${reason}${id ? " " + id : ""}`);
    this.name = "LibraryError";
    this.reason = reason;
    this.raw = raw === undefined ? null : raw;
    this.id = id || null;
  }
}

const isQuota = (error) => !!error && (error.name === "QuotaExceededError"
  || error.name === "NS_ERROR_DOM_QUOTA_REACHED" || error.code === 22 || error.code === 1014);

function put(storage, key, text) {
  try {
    storage.setItem(key, text);
  } catch (error) {
    throw new LibraryError(isQuota(error) ? "full" : "unavailable");
  }
}

function newId(taken) {
  const bytes = new Uint8Array(ID_LENGTH);
  for (;;) {
    globalThis.crypto.getRandomValues(bytes);
    const id = "a" + Array.from(bytes, (byte) => (byte % 36).toString(36)).join("");
    if (!taken.has(id)) return id;
  }
}

const isText = (value) => typeof value === "string";
const isEntry = (item) => !!item && typeof item === "object" && isText(item.id) && /^a[0-9a-z]{8,}$/.test(item.id)
  && isText(item.name) && isText(item.created) && isText(item.changed);

// The index's text as an index, or null when it is not one.
function parseIndex(text) {
  let index = null;
  try { index = JSON.parse(text); } catch (error) { return null; }
  const valid = !!index && typeof index === "object" && index.version === VERSION && Array.isArray(index.items)
    && index.items.every(isEntry) && new Set(index.items.map((item) => item.id)).size === index.items.length
    && (index.current === null || index.current === undefined || isText(index.current));
  return valid ? index : null;
}

class Library {
  constructor(storage, key, index) {
    this.storage = storage;
    this.key = key;
    this.index = index;
  }

  get indexKey() { return this.key + ":library"; }
  itemKey(id) { return this.key + ":item:" + id; }

  // The assessments, oldest first: [{id, name, created, changed}] (copies).
  list() { return this.index.items.map((item) => ({ ...item })); }

  entry(id) {
    const found = this.index.items.find((item) => item.id === id);
    if (!found) throw new LibraryError("missing", null, id);
    return found;
  }

  // The id of the assessment the page edits, or null when there is none.
  get current() {
    const { current, items } = this.index;
    return items.some((item) => item.id === current) ? current : null;
  }

  select(id) {
    this.entry(id);
    this.save({ ...this.index, current: id });
  }

  // An assessment's stored text, as it is; null when it has none yet (a new, empty one).
  raw(id) {
    this.entry(id);
    return this.storage.getItem(this.itemKey(id));
  }

  // An assessment's file JSON, null when it has none yet; a LibraryError "corrupt" (with the
  // raw text) when its text is not JSON. Whether the file is an assessment is the page's check.
  read(id) {
    const text = this.raw(id);
    if (text === null) return null;
    try { return JSON.parse(text); } catch (error) { throw new LibraryError("corrupt", text, id); }
  }

  // Keep `file` (the file JSON) as the assessment `id`, and note when it changed.
  write(id, file) {
    this.entry(id);
    put(this.storage, this.itemKey(id), JSON.stringify(file));
    this.touch(id);
  }

  touch(id) {
    const changed = new Date().toISOString();
    this.save({ ...this.index, items: this.index.items.map((item) => item.id === id ? { ...item, changed } : item) });
  }

  // A new assessment named `name`, with `file` (or none yet), made the current one: its id.
  create(name, file) {
    const id = newId(new Set(this.index.items.map((item) => item.id)));
    const now = new Date().toISOString();
    if (file) put(this.storage, this.itemKey(id), JSON.stringify(file));
    try {
      this.save({ ...this.index, current: id, items: [...this.index.items, { id, name, created: now, changed: now }] });
    } catch (error) {
      this.storage.removeItem(this.itemKey(id)); // not listed: it would be lost space
      throw error;
    }
    return id;
  }

  rename(id, name) {
    this.entry(id);
    this.save({ ...this.index, items: this.index.items.map((item) => item.id === id ? { ...item, name } : item) });
  }

  // A copy of `id` named `name`, dated today, made the current one: its id. A copy of an
  // assessment whose text cannot be read is refused ("corrupt"), as read() refuses it.
  duplicate(id, name) {
    const file = this.read(id);
    return this.create(name, file);
  }

  // Forget `id`; the current one becomes the last of the others (or none).
  remove(id) {
    this.entry(id);
    const items = this.index.items.filter((item) => item.id !== id);
    const current = this.index.current === id ? (items.length ? items[items.length - 1].id : null) : this.index.current;
    this.save({ ...this.index, current, items });
    this.storage.removeItem(this.itemKey(id));
  }

  // Read the index again (another tab changed it); a LibraryError "corrupt" when it cannot be.
  refresh() {
    const text = this.storage.getItem(this.indexKey);
    const index = text === null ? empty() : parseIndex(text);
    if (!index) throw new LibraryError("corrupt", text);
    this.index = index;
  }

  save(index) {
    put(this.storage, this.indexKey, JSON.stringify(index));
    this.index = index;
  }
}

// The service a file's text names, as plain text ("" when none or unreadable): a name to start with.
function serviceOf(text) {
  let service = null;
  try { service = JSON.parse(text).service; } catch (error) { return ""; }
  const found = typeof service === "string" ? service : service && typeof service === "object" ? Object.values(service)[0] : "";
  return typeof found === "string" ? found.trim() : "";
}

const empty = () => ({ version: VERSION, current: null, items: [] });

// The ids of every item kept under `key`, listed in the index or not (to recover them when the
// index cannot be read).
export function storedItems(storage, key) {
  const prefix = key + ":item:";
  const ids = [];
  for (let i = 0; i < storage.length; i += 1) {
    const name = storage.key(i);
    if (name && name.startsWith(prefix)) ids.push(name.slice(prefix.length));
  }
  return ids.sort();
}

// The library kept under `key` in `storage`: the older single assessment moved into it first.
// A LibraryError "corrupt" (raw: the index's text) when the index cannot be read; the index is
// then left as it is.
export function openLibrary(storage, key) {
  const text = storage.getItem(key + ":library");
  const index = text === null ? empty() : parseIndex(text);
  if (!index) throw new LibraryError("corrupt", text);
  const library = new Library(storage, key, index);
  const old = storage.getItem(key);
  if (old !== null) {
    // Moved as text, as it is: an unreadable one stays so, to be offered as a download.
    const id = newId(new Set(index.items.map((item) => item.id)));
    const now = new Date().toISOString();
    put(storage, library.itemKey(id), old);
    try {
      const name = serviceOf(old);
      library.save({ ...index, current: id, items: [...index.items, { id, name, created: now, changed: now }] });
    } catch (error) {
      storage.removeItem(library.itemKey(id));
      throw error;
    }
    storage.removeItem(key);
  }
  return library;
}

// Everything under `key` that the pages wrote, as text by storage key: what a page offers to
// download when the library cannot be read or written.
export function storedTexts(storage, key) {
  const texts = {};
  [key, key + ":library", ...storedItems(storage, key).map((id) => key + ":item:" + id)].forEach((name) => {
    const value = storage.getItem(name);
    if (value !== null) texts[name] = value;
  });
  return texts;
}

// A new index listing every item kept under `key` (named after their service), in place of one
// that cannot be read: the page offers that one's text as a download first.
export function rebuildLibrary(storage, key) {
  const now = new Date().toISOString();
  const items = storedItems(storage, key).filter((id) => /^a[0-9a-z]{8,}$/.test(id)).map((id) => ({
    id, name: serviceOf(storage.getItem(key + ":item:" + id)), created: now, changed: now
  }));
  put(storage, key + ":library", JSON.stringify({ version: VERSION, current: items.length ? items[0].id : null, items }));
  return openLibrary(storage, key);
}
