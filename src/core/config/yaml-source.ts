// YAML documents that remember where each value came from, so every configuration error can name
// file:line:col.
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node } from "yaml";
import { ConfigError } from "../../errors.js";

export type PathSegment = string | number;

export interface Position {
  line: number;
  col: number;
}

export interface SourcedDocument {
  file: string;
  value: unknown;
  /** The position of the value at `path`, or of the nearest ancestor that exists. */
  locate(path: readonly PathSegment[], which?: "key" | "value"): Position;
}

/** Deeper than this, a configuration value is a mistake or an attack, not a configuration. */
export const MAX_YAML_DEPTH = 64;
const MAX_ALIASES = 100;

/** "file:line:col: message" followed by the offending line and a caret under the column. */
function located(file: string, text: string, pos: Position, message: string): string {
  const line = text.split(/\r?\n/)[pos.line - 1];
  if (line === undefined || line.length > 300) return `${file}:${pos.line}:${pos.col}: ${message}`;
  const gutter = `${pos.line} | `;
  const shown = line.replace(/\t/g, "→");
  return `${file}:${pos.line}:${pos.col}: ${message}\n  ${gutter}${shown}\n  ${" ".repeat(gutter.length + Math.max(0, pos.col - 1))}^`;
}

export function parseYamlSource(text: string, file: string): SourcedDocument {
  const lineCounter = new LineCounter();
  const at = (offset: number): Position => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const bad = /[\u0000\uFFFD]/.exec(text);
  if (bad) {
    const pos = (() => {
      const before = text.slice(0, bad.index);
      return { line: before.split("\n").length, col: bad.index - before.lastIndexOf("\n") };
    })();
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: ${bad[0] === "\u0000" ? "a NUL byte" : "bytes that are not valid UTF-8"} in the file`, { hint: "save the file as UTF-8 text" });
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  } catch (err) {
    throw new ConfigError(`${file}: invalid YAML: ${err instanceof RangeError ? "nested too deeply" : err instanceof Error ? err.message : String(err)}`);
  }
  const first = doc.errors[0];
  if (first) {
    const pos = at(first.pos[0]);
    const deep = /call stack/i.test(first.message);
    const msg = deep ? `nested too deeply (more than ${MAX_YAML_DEPTH} levels is not a configuration)` : (first.message.split("\n")[0] ?? "");
    throw new ConfigError(located(file, text, pos, `invalid YAML: ${msg}`), {
      hint:
        first.code === "DUPLICATE_KEY"
          ? "a key appears twice in the same mapping: remove or rename one"
          : first.code === "TAB_AS_INDENT"
            ? "YAML indents with spaces, not tabs"
            : "fix the YAML syntax at that place (indentation, quotes, a missing ':' or closing bracket)",
    });
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const name = /Unresolved alias[^:]*: (.+)$/.exec(why)?.[1];
    const offset = name ? text.indexOf(`*${name}`) : /alias/i.test(why) ? text.indexOf("*") : -1;
    const pos = offset >= 0 ? at(offset) : { line: 1, col: 1 };
    const msg = name ? `alias *${name} names no anchor defined before it` : /alias count/i.test(why) ? `too many aliases (more than ${MAX_ALIASES} expansions: an alias bomb?)` : err instanceof RangeError ? "nested too deeply" : why;
    throw new ConfigError(located(file, text, pos, `invalid YAML: ${msg}`), { hint: name ? `define &${name} before using *${name}, or write the value out` : "write the values out instead of repeating aliases" });
  }
  const depth = depthOf(value);
  if (depth > MAX_YAML_DEPTH) throw new ConfigError(`${file}: invalid YAML: nested ${depth} levels deep (at most ${MAX_YAML_DEPTH})`, { hint: "a configuration is a few levels deep; check the indentation" });
  return {
    file,
    value,
    locate(path, which = "value") {
      const offset = findOffset(doc, path, which);
      const p = lineCounter.linePos(offset);
      return { line: p.line, col: p.col };
    },
  };
}

function findOffset(doc: Document, path: readonly PathSegment[], which: "key" | "value"): number {
  let node: unknown = doc.contents;
  let offset = rangeStart(node) ?? 0;
  for (let i = 0; i < path.length; i++) {
    const seg = path[i]!;
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) return offset;
      if (last && which === "key") return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(node) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof seg === "number") {
      const item = node.items[seg];
      if (item === undefined) return offset;
      node = item;
      offset = rangeStart(node) ?? offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  const range = (node as Node | null | undefined)?.range;
  return range ? range[0] : undefined;
}

/** How deeply nested a parsed value is, without recursion (a hostile file must not overflow the stack). */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (d > MAX_YAML_DEPTH) return d;
    if (v !== null && typeof v === "object") for (const x of Object.values(v as object)) stack.push([x, d + 1]);
  }
  return max;
}
