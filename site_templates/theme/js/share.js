// An assessment (or a baseline and its follow-up) shared by link: written into the fragment of
// /assessment/shared/ (the part after "#", which a browser never sends to a server), read back
// there. Pure logic and the browser's own compression, no page or words. It imports nothing:
// the offline copy gives it to a page as a `data:` address, from which a module cannot import
// another.
//
// The compact form is JSON: [1, A] for an assessment, [1, A, B] for a baseline A and its
// follow-up B, each assessment being
//   [model version, ratings, date, language, service]   (+ notes, when they fit)
// `ratings` holds one character per statement of that model version, its ids sorted (the order
// any recorded version's ids can be given in): the character at (today × 6 + target) in
// ALPHABET, each rating being 0 for none, else 1 + its place in the page's choices (not yet,
// the levels, not applicable). Date, language and service are "" when the file has none; notes
// are { "<place in ratings>": note }. Compressed (deflate-raw), then written as base64url.
export const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
export const FORM = 1;
export const MAX_FRAGMENT = 2000;
// Characters of fragment at most, written or read: a link that long still goes through mail
// and chat. An assessment without notes and with a service of ordinary length takes under 300.
export const MAX_UNPACKED = 65536;
// Bytes of compact form at most once decompressed: a small fragment that inflates to more
// (a "decompression bomb") is refused as soon as it passes this, without reading the rest.
const PARTS = ["today", "target"];
const own = (object, key) => Object.prototype.hasOwnProperty.call(object, key);
const isObject = (value) => !!value && typeof value === "object" && !Array.isArray(value);

// --- the compact form

// The current version's statement ids, sorted.
const sortedIds = (model) => model.statements.map((s) => s.id).sort();

function packOne(model, file, withNotes) {
  const ids = sortedIds(model), base = model.choices.length + 1, notes = {};
  const rating = (answer, part) => 1 + model.choices.findIndex((c) => c.id === answer[part]);
  const ratings = ids.map((id, place) => {
    const answer = own(file.answers || {}, id) ? file.answers[id] : {};
    if (withNotes && answer.notes) notes[place] = answer.notes;
    return ALPHABET[rating(answer, "today") * base + rating(answer, "target")];
  }).join("");
  const packed = [model.modelVersion, ratings, file.date || "", file.language || "", file.service || ""];
  return Object.keys(notes).length ? packed.concat([notes]) : packed;
}

// The compact form of `shared` (a file, or { baseline, followUp }), both by statement id of the
// current model (model.modelVersion): a JSON text.
export function packShare(model, shared, withNotes) {
  const files = shared.baseline ? [shared.baseline, shared.followUp] : [shared];
  return JSON.stringify([FORM, ...files.map((file) => packOne(model, file, withNotes))]);
}

// One packed assessment as an assessment file, for the file check; null if it is not one.
// `idsOf(version)`: that recorded version's statement ids, or null for one the site does not
// know (its file then has no answers: the check refuses its version by name).
function unpackOne(model, packed, idsOf) {
  if (!Array.isArray(packed) || packed.length < 5 || packed.length > 6) return null;
  const [version, ratings, date, language, service, notes] = packed;
  const texts = [version, ratings, date, language];
  if (texts.some((value) => typeof value !== "string") || service === null || !["string", "object"].includes(typeof service)) return null;
  if (packed.length === 6 && !isObject(notes)) return null;
  const file = { format: model.format, format_version: model.formatVersion, model_version: version };
  if (service !== "") file.service = service;
  if (date) file.date = date;
  if (language) file.language = language;
  file.answers = {};
  const ids = idsOf(version);
  if (!ids) return file;
  const base = model.choices.length + 1;
  if (ratings.length !== ids.length) return null;
  for (let place = 0; place < ids.length; place++) {
    const code = ALPHABET.indexOf(ratings[place]);
    if (code < 0 || code >= base * base) return null;
    const answer = {};
    [Math.floor(code / base), code % base].forEach((value, i) => { if (value) answer[PARTS[i]] = model.choices[value - 1].id; });
    if (notes && own(notes, String(place))) answer.notes = notes[place];
    if (Object.keys(answer).length) file.answers[ids[place]] = answer;
  }
  if (notes && Object.keys(notes).some((key) => !(String(Number(key)) === key && Number(key) < ids.length))) return null;
  return file;
}

// The compact form read back: { files: [file] or [baseline, followUp] } to be checked as
// imported files are, or { refused: "broken" }.
export function unpackShare(model, text, idsOf) {
  let parsed;
  try { parsed = JSON.parse(text); } catch (error) { return { refused: "broken" }; }
  if (!Array.isArray(parsed) || parsed[0] !== FORM || parsed.length < 2 || parsed.length > 3) return { refused: "broken" };
  const files = parsed.slice(1).map((packed) => unpackOne(model, packed, idsOf));
  return files.includes(null) ? { refused: "broken" } : { files };
}

// --- compressed, and written as base64url

function toBase64url(bytes) {
  let binary = "";
  bytes.forEach((byte) => { binary += String.fromCharCode(byte); });
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function deflate(text) {
  const stream = new Blob([new TextEncoder().encode(text)]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// The text inflated from `bytes`, or null: not deflate-raw, not UTF-8, or over MAX_UNPACKED.
async function inflate(bytes) {
  const reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > MAX_UNPACKED) { reader.cancel().catch(() => {}); return null; }
      chunks.push(value);
    }
    const whole = new Uint8Array(size);
    chunks.reduce((at, chunk) => { whole.set(chunk, at); return at + chunk.length; }, 0);
    return new TextDecoder("utf-8", { fatal: true }).decode(whole);
  } catch (error) {
    return null;
  }
}

// The fragment (without "#") for `shared`: { fragment, notes } where notes is "kept", "none"
// or "left-out" (the link would be too long with them), or { refused: "too-long", length }.
export async function encodeShare(model, shared) {
  const files = shared.baseline ? [shared.baseline, shared.followUp] : [shared];
  // A comparison's view shows no notes: its link leaves them out.
  const noted = !shared.baseline && files.some((file) => Object.values(file.answers || {}).some((answer) => answer.notes));
  const tries = noted ? [true, false] : [false];
  let fragment = "";
  for (const withNotes of tries) {
    fragment = toBase64url(await deflate(packShare(model, shared, withNotes)));
    if (fragment.length <= MAX_FRAGMENT) return { fragment, notes: !noted ? "none" : withNotes ? "kept" : "left-out" };
  }
  return { refused: "too-long", length: fragment.length };
}

// A fragment (without "#") read back: { files } as unpackShare gives them, or { refused }:
// "empty" (no fragment), "too-long" (over MAX_FRAGMENT), "broken" (anything else wrong).
export async function decodeShare(model, fragment, idsOf) {
  if (!fragment) return { refused: "empty" };
  if (fragment.length > MAX_FRAGMENT) return { refused: "too-long" };
  const bytes = fromBase64url(fragment);
  const text = bytes && await inflate(bytes);
  return text === null || text === undefined ? { refused: "broken" } : unpackShare(model, text, idsOf);
}
