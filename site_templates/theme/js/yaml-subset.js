// The part of YAML that assessment files and tallies written by hand use, read without
// evaluating anything: block mappings and sequences, one-line flow collections ({a: 1},
// [a, b]), plain, quoted and block (| >) scalars, comments. Anchors, aliases, tags and
// directives are refused (so a "YAML bomb" is refused before it grows), as are several
// documents, nesting deeper than `limits.depth` and more than `limits.values` values.
// Plain scalars resolve as PyYAML's safe loader resolves them (YAML 1.1), except dates and
// times, which stay text. Pure: no DOM; tests/workshop/ compares it with PyYAML.
//
// parseYaml(text, limits) -> { data } or { refused, line, key }, refused being one of
// "syntax", "unsupported", "duplicate", "too-deep", "too-many".

const NULLS = new Set(["", "~", "null", "Null", "NULL"]);
const TRUE = new Set(["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]);
const FALSE = new Set(["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"]);
const INT = /^[-+]?(0|[1-9][0-9_]*)$/;
const FLOAT = /^[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?$/;
const ESCAPES = { "0": "\0", a: "\x07", b: "\b", t: "\t", "\t": "\t", n: "\n", v: "\v", f: "\f", r: "\r", e: "\x1b",
  " ": " ", '"': '"', "/": "/", "\\": "\\", N: "\x85", _: "\xa0", L: "\u2028", P: "\u2029" };
const HEX = { x: 2, u: 4, U: 8 };

class Refusal extends Error {
  constructor(refused, line, key) { super(refused); this.refused = refused; this.line = line; this.key = key; }
}

function resolve(plain) {
  if (NULLS.has(plain)) return null;
  if (TRUE.has(plain)) return true;
  if (FALSE.has(plain)) return false;
  const bare = plain.replace(/_/g, "");
  if (/^[-+]?0[0-7_]+$/.test(plain)) return (bare[0] === "-" ? -1 : 1) * parseInt(bare.replace(/^[-+]/, ""), 8);
  if (INT.test(plain)) return Number(bare);
  if (/^[-+]?0x[0-9a-fA-F_]+$/.test(plain)) return (bare[0] === "-" ? -1 : 1) * parseInt(bare.replace(/^[-+]?0x/, ""), 16);
  if (/^[-+]?0b[01_]+$/.test(plain)) return (bare[0] === "-" ? -1 : 1) * parseInt(bare.replace(/^[-+]?0b/, ""), 2);
  if (FLOAT.test(plain) && /[0-9]/.test(plain)) return Number(bare);
  if (/^[-+]?\.(inf|Inf|INF)$/.test(plain)) return plain[0] === "-" ? -Infinity : Infinity;
  if (/^\.(nan|NaN|NAN)$/.test(plain)) return NaN;
  return plain;
}

// One line's text, read from `at`: scalars, flow collections, a key's colon.
class Scanner {
  constructor(text, line, reader) { this.text = text; this.at = 0; this.line = line; this.reader = reader; }
  fail(refused) { throw new Refusal(refused, this.line); }
  peek() { return this.text[this.at]; }
  spaces() { while (this.peek() === " " || this.peek() === "\t") this.at++; }
  // After a value only spaces and a comment may follow.
  end() {
    this.spaces();
    if (this.at < this.text.length && this.peek() !== "#") this.fail("syntax");
  }
  rest() { return this.text.slice(this.at); }

  // A scalar or a flow collection; `flow` when inside one (",", "]", "}" end a plain scalar).
  value(flow, depth) {
    this.spaces();
    const c = this.peek();
    if (c === "{" || c === "[") return this.collection(depth);
    if (c === '"') return this.counted(this.doubleQuoted());
    if (c === "'") return this.counted(this.singleQuoted());
    if (c !== undefined && "&*!%".includes(c)) this.fail("unsupported");
    if (c !== undefined && "@`|>".includes(c)) this.fail(flow || "@`".includes(c) ? "syntax" : "unsupported");
    return this.counted(resolve(this.plain(flow)));
  }

  counted(value) { this.reader.count(this.line); return value; }

  plain(flow) {
    const start = this.at;
    for (; this.at < this.text.length; this.at++) {
      const c = this.peek(), next = this.text[this.at + 1];
      if (c === "#" && /[ \t]/.test(this.text[this.at - 1] || " ")) break;
      if (c === ":" && (next === undefined || next === " " || next === "\t" || (flow && ",[]{}".includes(next)))) break;
      if (flow && ",[]{}".includes(c)) break;
    }
    if (this.peek() === "-" && start === this.at) this.fail("syntax");
    return this.text.slice(start, this.at).trim();
  }

  doubleQuoted() {
    let out = "";
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text[this.at++];
      if (c === '"') return out;
      if (c !== "\\") { out += c; continue; }
      const e = this.text[this.at++];
      if (e in ESCAPES) out += ESCAPES[e];
      else if (e in HEX) {
        const digits = this.text.substr(this.at, HEX[e]);
        if (!/^[0-9a-fA-F]+$/.test(digits) || digits.length !== HEX[e]) this.fail("syntax");
        out += String.fromCodePoint(parseInt(digits, 16));
        this.at += HEX[e];
      } else this.fail("syntax");
    }
    return this.fail("syntax"); // a quoted text over several lines is not read here
  }

  singleQuoted() {
    let out = "";
    this.at++;
    while (this.at < this.text.length) {
      const c = this.text[this.at++];
      if (c !== "'") { out += c; continue; }
      if (this.peek() !== "'") return out;
      out += "'";
      this.at++;
    }
    return this.fail("syntax");
  }

  collection(depth) {
    const mapping = this.peek() === "{", close = mapping ? "}" : "]";
    this.reader.deeper(depth + 1, this.line);
    const found = mapping ? {} : [];
    this.at++;
    this.spaces();
    while (this.peek() !== close) {
      if (mapping) {
        const key = this.key(true, depth + 1);
        this.spaces();
        if (this.peek() === ":") { this.at++; found[key] = this.value(true, depth + 1); }
        else found[key] = null;
      } else found.push(this.value(true, depth + 1));
      this.spaces();
      if (this.peek() === ",") { this.at++; this.spaces(); } else if (this.peek() !== close) this.fail("syntax");
    }
    this.at++;
    return this.counted(found);
  }

  // A mapping key: a quoted or plain scalar, as text (JSON's keys are text too).
  key(flow, depth) {
    const key = this.value(flow, depth);
    if (key !== null && typeof key === "object") this.fail("unsupported");
    return String(key);
  }
}

class Reader {
  constructor(text, limits) {
    this.limits = limits;
    this.values = 0;
    this.lines = text.replace(/^\ufeff/, "").split(/\r\n|\r|\n/).map((raw, index) => {
      const indent = raw.length - raw.replace(/^ +/, "").length;
      const content = raw.slice(indent);
      const blank = content.trim() === "" || content.startsWith("#");
      if (!blank && content[0] === "\t") throw new Refusal("syntax", index + 1);
      return { raw, indent, content, blank, number: index + 1 };
    });
    this.i = 0;
  }

  count(line) { if (++this.values > this.limits.values) throw new Refusal("too-many", line); }
  deeper(depth, line) { if (depth > this.limits.depth) throw new Refusal("too-deep", line); }

  // The next line with something on it (the reader stays on it), or null at the end.
  current() {
    while (this.i < this.lines.length && this.lines[this.i].blank) this.i++;
    return this.i < this.lines.length ? this.lines[this.i] : null;
  }

  document() {
    let line = this.current();
    if (line && line.indent === 0 && /^---( |$)/.test(line.content)) {
      const after = line.content.slice(3).trim();
      if (after && !after.startsWith("#")) throw new Refusal("unsupported", line.number);
      this.i++;
    } else if (line && line.content.startsWith("%")) throw new Refusal("unsupported", line.number);
    line = this.current();
    const data = line && !this.isEnd(line) ? this.block(line.indent, 0) : null;
    line = this.current();
    if (line && line.content.startsWith("...")) { this.i++; line = this.current(); }
    if (line) throw new Refusal(this.isEnd(line) ? "unsupported" : "syntax", line.number);
    return data;
  }

  isEnd(line) { return line.indent === 0 && /^(---|\.\.\.)( |$)/.test(line.content); }

  // The node that starts on the current line, at `indent`.
  block(indent, depth) {
    const line = this.current();
    if (/^-( |$)/.test(line.content)) return this.sequence(indent, depth);
    const scanner = new Scanner(line.content, line.number, this);
    if (this.isKey(scanner)) return this.mapping(indent, depth);
    this.i++;
    return this.scalarValue(scanner, indent, depth);
  }

  // Does the line start with `key:`? (The scanner is left where it was.)
  isKey(scanner) {
    const c = scanner.peek();
    if (c === "?") scanner.fail("unsupported");
    if (c === "{" || c === "[") return false;
    const probe = new Scanner(scanner.text, scanner.line, { count() {}, deeper() {} });
    try {
      probe.key(false, 0);
      probe.spaces();
      return probe.peek() === ":";
    } catch (error) {
      if (error instanceof Refusal && error.refused === "syntax") return false;
      throw error;
    }
  }

  sequence(indent, depth) {
    this.deeper(depth + 1, this.current().number);
    const items = [];
    let line = this.current();
    while (line && line.indent === indent && /^-( |$)/.test(line.content)) {
      const gap = line.content.slice(1).length - line.content.slice(1).trimStart().length;
      const rest = line.content.slice(1 + gap);
      if (rest === "" || rest.startsWith("#")) {
        this.i++;
        const next = this.current();
        items.push(next && next.indent > indent ? this.block(next.indent, depth + 1) : this.nothing(line));
      } else {
        // "- key: value": the item's content is read as if it started on its own line.
        this.lines[this.i] = { ...line, indent: indent + 1 + gap, content: rest };
        items.push(this.block(indent + 1 + gap, depth + 1));
      }
      line = this.current();
    }
    if (line && line.indent > indent) throw new Refusal("syntax", line.number);
    this.count(this.lines[Math.max(0, this.i - 1)].number);
    return items;
  }

  nothing(line) { this.count(line.number); return null; }

  mapping(indent, depth) {
    this.deeper(depth + 1, this.current().number);
    const found = {};
    let line = this.current();
    while (line && line.indent === indent && !this.isEnd(line)) {
      const scanner = new Scanner(line.content, line.number, this);
      if (/^-( |$)/.test(line.content) || !this.isKey(scanner)) throw new Refusal("syntax", line.number);
      const key = scanner.key(false, depth + 1);
      scanner.spaces();
      scanner.at++; // the colon
      if (Object.prototype.hasOwnProperty.call(found, key)) throw new Refusal("duplicate", line.number, key);
      this.i++;
      scanner.spaces();
      let value;
      if (scanner.at >= scanner.text.length || scanner.peek() === "#") {
        const next = this.current();
        if (next && next.indent > indent) value = this.block(next.indent, depth + 1);
        else if (next && next.indent === indent && /^-( |$)/.test(next.content)) value = this.sequence(indent, depth + 1);
        else value = this.nothing(line);
      } else value = this.scalarValue(scanner, indent, depth + 1);
      Object.defineProperty(found, key, { value, enumerable: true, writable: true, configurable: true });
      line = this.current();
    }
    if (line && line.indent > indent) throw new Refusal("syntax", line.number);
    this.count(line ? line.number : this.lines.length);
    return found;
  }

  // A value written after "key:" (or alone): block scalar, flow, quoted or plain, the
  // plain one possibly continued on more indented lines.
  scalarValue(scanner, indent, depth) {
    const c = scanner.peek();
    if (c === "|" || c === ">") return this.blockScalar(scanner, indent);
    const start = scanner.at;
    const value = scanner.value(false, depth);
    const plain = !"{[\"'".includes(c);
    scanner.end();
    const next = this.current();
    if (!plain || !next || next.indent <= indent) return value;
    // A plain scalar continued on the following lines, folded with spaces.
    const words = [scanner.text.slice(start, scanner.at).trim()];
    let breaks = "";
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.content.trim() === "") { breaks += "\n"; this.i++; continue; }
      if (line.indent <= indent || line.content.startsWith("#")) break;
      const more = new Scanner(line.content, line.number, this);
      const text = more.plain(false);
      if (more.peek() === ":") throw new Refusal("syntax", line.number);
      more.end();
      words.push((breaks || " ") + text);
      breaks = "";
      this.i++;
    }
    return words.join("");
  }

  blockScalar(scanner, indent) {
    const header = scanner.rest().replace(/[ \t]+#.*$/, "").trim();
    const match = /^([|>])([-+]?)$/.exec(header);
    if (!match) scanner.fail(/^[|>][-+]?[0-9]/.test(header) || /^[|>][0-9]/.test(header) ? "unsupported" : "syntax");
    const [, style, chomp] = match;
    const body = [];
    let own = null;
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      const empty = line.raw.trim() === "";
      if (!empty && (line.indent <= indent || (own !== null && line.indent < own))) break;
      if (!empty && own === null) own = line.indent;
      body.push(empty ? "" : line.raw.slice(own));
      this.i++;
    }
    let trailing = 0;
    while (body.length && body[body.length - 1] === "") { body.pop(); trailing++; }
    let text = style === "|" ? body.join("\n") : fold(body);
    if (body.length) text += chomp === "-" ? "" : chomp === "+" ? "\n".repeat(trailing + 1) : "\n";
    else if (chomp === "+") text = "\n".repeat(trailing);
    this.count(scanner.line);
    return text;
  }
}

// Folded lines: single line breaks become spaces, empty lines line breaks; more indented
// lines keep theirs.
function fold(lines) {
  let out = "";
  lines.forEach((line, index) => {
    if (index === 0) { out = line; return; }
    const previous = lines[index - 1];
    const literal = (text) => text === "" || /^[ \t]/.test(text);
    if (line === "") out += "\n";
    else if (literal(line) || literal(previous)) out += (previous === "" && !literal(line) ? "" : "\n") + line;
    else out += " " + line;
  });
  return out;
}

export function parseYaml(text, limits) {
  try {
    return { data: new Reader(text, limits).document() };
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    const refusal = { refused: error.refused, line: error.line };
    if (error.key !== undefined) refusal.key = error.key;
    return refusal;
  }
}
