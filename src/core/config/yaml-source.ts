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

export function parseYamlSource(text: string, file: string): SourcedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const first = doc.errors[0];
  if (first) {
    const pos = first.linePos?.[0] ?? { line: 1, col: 1 };
    const msg = first.message.split("\n")[0];
    throw new ConfigError(`${file}:${pos.line}:${pos.col}: invalid YAML: ${msg}`, {
      hint: "fix the YAML syntax at that place (indentation, quotes, a missing ':' or duplicated key)",
    });
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
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
