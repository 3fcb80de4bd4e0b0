// A file format: a zod schema tagged `schema: "llmops.<kind>/v<N>"`, its one reader and one writer.
// The reader checks the tag before the fields: another kind, a newer version (upgrade llmops) and
// the previous version (upgraded in memory) each get their own answer; messages name the file.
import { z } from "zod";
import { DataInvalidError, InternalError } from "../../errors.js";
import { VERSION } from "../../version.js";

/** An older version this llmops still reads, and how to bring it to the current shape. */
export interface PreviousVersion<T> {
  version: number;
  /** The exact tag it was written with (defaults to `llmops.<kind>/v<version>`). */
  tag?: string;
  schema: z.ZodType;
  upgrade(old: never): T;
}

export interface FormatDefinition<S extends z.ZodType> {
  /** `llmops.<kind>/v<N>`: kebab-case kind. */
  kind: string;
  version: number;
  /** The current schema; its `schema` field is `z.literal(tagOf(kind, version))`. */
  schema: S;
  /** What the file is, for the reference (docs/formats.md) and for messages. */
  title: string;
  /** Where it is written (a path pattern) and by what. */
  file: string;
  writer: string;
  readers: string;
  /** How to get a valid one, for messages. */
  hint: string;
  previous?: readonly PreviousVersion<z.output<S>>[];
  /** Read a document without a `schema` field as this version (formats released before tags). */
  untagged?: PreviousVersion<z.output<S>>;
  /** One document per line (JSONL) instead of one per file. */
  lines?: boolean;
  /**
   * Known defects of files as written (applied to the JSON value before validation, on read and on
   * write): e.g. a NaN that JSON turned into null inside an interval. Returns a repaired copy.
   */
  repair?: (value: unknown) => unknown;
}

export interface Format<S extends z.ZodType = z.ZodType> extends FormatDefinition<S> {
  readonly tag: string;
  /** Validate a parsed JSON value; `where` is a file (or file:line) for messages. */
  parseValue(value: unknown, where: string): z.output<S>;
  /** Parse the text of one document (a whole file, or one line of a JSONL format). */
  parse(text: string, where: string): z.output<S>;
  /** The text to write: checked against the schema first (a mismatch is a bug in llmops). */
  serialize(doc: z.output<S>): string;
}

export function tagOf(kind: string, version: number): string {
  return `llmops.${kind}/v${version}`;
}

const TAG = /^llmops\.([a-z0-9-.]+)\/v?(\d+)$/;

export function defineFormat<S extends z.ZodType>(def: FormatDefinition<S>): Format<S> {
  const tag = tagOf(def.kind, def.version);
  const fail = (where: string, message: string, hint = def.hint) => new DataInvalidError(`${where}: ${message}`, { hint });

  function validate(schema: z.ZodType, value: unknown, where: string): unknown {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join(".") || "(top level)"}: ${i.message}`);
    const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3} more)` : "";
    throw fail(where, `not a valid ${tag} document — ${issues.join("; ")}${more}`);
  }

  function parseValue(value: unknown, where: string): z.output<S> {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw fail(where, `expected a JSON object (${def.title})`);
    const written = (value as { schema?: unknown }).schema;
    if (written === undefined && def.untagged) return def.untagged.upgrade(validate(def.untagged.schema, value, where) as never);
    if (typeof written !== "string") throw fail(where, `not an llmops ${def.kind} document: no "schema" field (expected "${tag}")`);
    if (written === tag) return validate(def.schema, def.repair ? def.repair(value) : value, where) as z.output<S>;
    for (const p of def.previous ?? []) {
      if (written === (p.tag ?? tagOf(def.kind, p.version))) return p.upgrade(validate(p.schema, value, where) as never);
    }
    const m = TAG.exec(written);
    const sameKind = m && (m[1] === def.kind || (def.previous ?? []).some((p) => p.tag?.startsWith(`llmops.${m[1]}/`)));
    if (m && sameKind && Number(m[2]) > def.version) {
      const by = writerVersion(value);
      throw fail(
        where,
        `written by ${by ? `llmops ${by}` : "a newer llmops"} as ${written}; this is llmops ${VERSION}, which reads ${readable(def)}: upgrade llmops`,
        `install a newer llmops (npm install -g llmops@latest, or the newer action ref) to read it`,
      );
    }
    throw fail(where, `is ${JSON.stringify(written)}, not ${readable(def)} (${def.title})`);
  }

  return {
    ...def,
    tag,
    parseValue,
    parse(text, where) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw fail(where, `not valid JSON (${(err as Error).message})`);
      }
      return parseValue(value, where);
    },
    serialize(doc) {
      // Check what lands in the file (NaN becomes null, undefined fields vanish), not the object.
      const json: unknown = JSON.parse(JSON.stringify(doc));
      const value = def.repair ? def.repair(json) : json;
      const r = def.schema.safeParse(value);
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new InternalError(`llmops built an invalid ${tag} document: ${i.path.map(String).join(".") || "(top level)"}: ${i.message}`);
      }
      return def.lines ? `${JSON.stringify(value)}\n` : `${JSON.stringify(value, null, 2)}\n`;
    },
  };
}

function readable(def: FormatDefinition<z.ZodType>): string {
  const older = (def.previous ?? []).map((p) => p.tag ?? tagOf(def.kind, p.version));
  return [tagOf(def.kind, def.version), ...older].join(" or ");
}

/** The llmops version that wrote a document, where it says (top level or its provenance). */
function writerVersion(value: unknown): string | undefined {
  const v = value as { llmops_version?: unknown; provenance?: { llmops_version?: unknown } };
  const s = v.llmops_version ?? v.provenance?.llmops_version;
  return typeof s === "string" && /^[0-9A-Za-z.+-]{1,40}$/.test(s) ? s : undefined;
}
