// The share link's compact form and its compression (site_templates/theme/js/share.js), by
// Node's own test runner: `node --test tests/assessment/share/` (pytest runs it too, in
// tests/assessment/test_share_encoding.py). Expected values worked out by hand from share.js's
// header: one character per statement, ids sorted, ALPHABET[(today × 6) + target], with
// 0 = none, 1 = not yet, 2 = some, 3 = satisfied, 4 = impressed, 5 = not applicable.
import assert from "node:assert/strict";
import { deflateRawSync } from "node:zlib";
import { test } from "node:test";
import {
  MAX_FRAGMENT, decodeShare, encodeShare, packShare, unpackShare
} from "../../../site_templates/theme/js/share.js";

const choices = ["not-yet", "some", "satisfied", "impressed", "not-applicable"].map((id) => ({ id }));
const model = {
  format: "client-centric-assessment", formatVersion: 2, modelVersion: "2026.1", choices,
  statements: [{ id: "b-two" }, { id: "a-one" }, { id: "c-three" }]
};
const idsOf = (version) => version === "2026.1" ? ["a-one", "b-two", "c-three"] : null;
const file = {
  format: "client-centric-assessment", format_version: 2, model_version: "2026.1",
  service: "Pilote", date: "2026-11-26", language: "fr",
  answers: {
    "a-one": { today: "some", target: "impressed" },             // 2 × 6 + 4 = 16: Q
    "c-three": { today: "not-applicable", target: "not-applicable", notes: "Pas encore" } // 35: j
  }                                                             // b-two unanswered: 0, A
};
const base64url = (text) => deflateRawSync(Buffer.from(text, "utf8")).toString("base64url");

test("an assessment packs into one character per statement, ids sorted", () => {
  assert.equal(packShare(model, file, false), '[1,["2026.1","QAj","2026-11-26","fr","Pilote"]]');
  assert.equal(packShare(model, file, true), '[1,["2026.1","QAj","2026-11-26","fr","Pilote",{"2":"Pas encore"}]]');
});

test("a baseline and its follow-up pack one after the other; absent fields are empty", () => {
  const followUp = { answers: { "b-two": { today: "not-yet", target: "satisfied" } } }; // 1 × 6 + 3 = 9: J
  assert.equal(packShare(model, { baseline: file, followUp }, false),
    '[1,["2026.1","QAj","2026-11-26","fr","Pilote"],["2026.1","AJA","","",""]]');
});

test("the compact form unpacks into the file it came from, for the file check", () => {
  assert.deepEqual(unpackShare(model, packShare(model, file, true), idsOf), { files: [{
    format: "client-centric-assessment", format_version: 2, model_version: "2026.1",
    service: "Pilote", date: "2026-11-26", language: "fr",
    answers: {
      "a-one": { today: "some", target: "impressed" },
      "c-three": { today: "not-applicable", target: "not-applicable", notes: "Pas encore" }
    }
  }] });
});

test("a version the site does not know unpacks without answers, for the check to name it", () => {
  assert.deepEqual(unpackShare(model, '[1,["1999.1","QQQQ","","",""]]', idsOf), { files: [{
    format: "client-centric-assessment", format_version: 2, model_version: "1999.1", answers: {}
  }] });
});

test("a compact form that is not one is broken", () => {
  const broken = { refused: "broken" };
  [
    "not json", "{}", "[]", "[2,[\"2026.1\",\"QAj\",\"\",\"\",\"\"]]",
    '[1,["2026.1","QA","","",""]]',        // a statement short
    '[1,["2026.1","QAz","","",""]]',       // z is 51: past 6 × 6 - 1 = 35
    '[1,["2026.1","QA=","","",""]]',       // not in the alphabet
    '[1,["2026.1","QAj","","",null]]',
    '[1,["2026.1","QAj","","",""],["2026.1","QAj","","",""],["2026.1","QAj","","",""]]',
    '[1,["2026.1","QAj","","","",{"3":"past the end"}]]',
    '[1,["2026.1","QAj","","","",["not", "an object"]]]'
  ].forEach((text) => assert.deepEqual(unpackShare(model, text, idsOf), broken, text));
});

test("a fragment compressed elsewhere (zlib's raw deflate) is read back", async () => {
  const fragment = base64url('[1,["2026.1","QAj","2026-11-26","fr","Pilote"]]');
  const { files } = await decodeShare(model, fragment, idsOf);
  assert.deepEqual(files[0].answers["a-one"], { today: "some", target: "impressed" });
});

test("encoded and decoded, the assessment comes back whole", async () => {
  const { fragment, notes } = await encodeShare(model, file);
  assert.match(fragment, /^[A-Za-z0-9_-]+$/);
  assert.equal(notes, "kept");
  const { files } = await decodeShare(model, fragment, idsOf);
  assert.equal(files[0].answers["c-three"].notes, "Pas encore");
});

// 46 statements, as the model has: the compact form is 4 + 9 + 49 + 13 + 5 + 26 + 2 = 108
// characters with this 24-character service; raw deflate at worst stores it (5 bytes more) and
// base64url writes 113 bytes in ceil(113 × 4 / 3) = 151 characters: under 300.
test("an assessment of 46 statements without notes takes under 300 characters", async () => {
  const many = { ...model, statements: Array.from({ length: 46 }, (_, i) => ({ id: `s${String(i).padStart(2, "0")}` })) };
  const answers = {};
  many.statements.forEach(({ id }, i) => { answers[id] = { today: choices[i % 5].id, target: choices[(i * 3) % 5].id }; });
  const full = { date: "2026-11-26", language: "en", service: "Death notification pilot", answers };
  assert.equal(packShare(many, full, false).length, 108);
  const { fragment, notes } = await encodeShare(many, full);
  assert.equal(notes, "none");
  assert.ok(fragment.length <= 151, `${fragment.length} characters`);
});

test("notes too long for a link are left out; a service too long refuses the link", async () => {
  // Letters a pseudo-random walk picks: deflate cannot make them much shorter.
  let seed = 7;
  const noise = (n) => Array.from({ length: n }, () => { seed = (seed * 48271) % 2147483647; return ALPHA[seed % 62]; }).join("");
  const ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  const noted = { ...file, answers: { ...file.answers, "b-two": { notes: noise(2000) } } };
  const shared = await encodeShare(model, noted);
  assert.equal(shared.notes, "left-out");
  const { files } = await decodeShare(model, shared.fragment, idsOf);
  assert.deepEqual(Object.keys(files[0].answers), ["a-one", "c-three"]);
  assert.equal(files[0].answers["c-three"].notes, undefined);

  const refused = await encodeShare(model, { ...file, service: noise(2000) });
  assert.equal(refused.refused, "too-long");
  assert.ok(refused.length > MAX_FRAGMENT);
});

test("an empty, oversized, cut or inflating fragment is refused before anything is read", async () => {
  assert.deepEqual(await decodeShare(model, "", idsOf), { refused: "empty" });
  assert.deepEqual(await decodeShare(model, "A".repeat(MAX_FRAGMENT + 1), idsOf), { refused: "too-long" });
  const whole = base64url('[1,["2026.1","QAj","2026-11-26","fr","Pilote"]]');
  assert.deepEqual(await decodeShare(model, whole.slice(0, -6), idsOf), { refused: "broken" });
  assert.deepEqual(await decodeShare(model, whole + "!", idsOf), { refused: "broken" });
  // 10 MB of spaces deflate to about 10 KB: past MAX_FRAGMENT. 1 MB to about 1 KB: under it,
  // and it inflates past MAX_UNPACKED (64 KB): refused without inflating the rest.
  const bomb = base64url(`[1,["2026.1","QAj","","",""${" ".repeat(1 << 20)}]]`);
  assert.ok(bomb.length < MAX_FRAGMENT, `${bomb.length} characters`);
  assert.deepEqual(await decodeShare(model, bomb, idsOf), { refused: "broken" });
});

test("a comparison's link leaves the notes out: its view shows none", async () => {
  const { fragment, notes } = await encodeShare(model, { baseline: file, followUp: file });
  assert.equal(notes, "none");
  const { files } = await decodeShare(model, fragment, idsOf);
  assert.equal(files.length, 2);
  assert.deepEqual(files[1].answers["c-three"], { today: "not-applicable", target: "not-applicable" });
});
