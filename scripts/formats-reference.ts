// The generated reference of llmops's file formats: a JSON Schema per format under schemas/ and
// docs/formats.md, both from the zod schemas in src/core/contracts/ (FORMATS). Run by the build;
// CI's dist check fails when the committed files differ from what this produces.
import { markdownTable } from "markdown-table";
import { z } from "zod";
import { FORMATS, type Format } from "../src/core/contracts/index.js";

type JsonSchema = { type?: string | string[]; description?: string; properties?: Record<string, JsonSchema>; required?: string[]; anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; const?: unknown; enum?: unknown[]; items?: JsonSchema | false; prefixItems?: JsonSchema[]; additionalProperties?: JsonSchema | boolean };

export function schemaFileOf(f: Format): string {
  return `schemas/${f.kind}.v${f.version}.schema.json`;
}

export function jsonSchemaOf(f: Format): JsonSchema & Record<string, unknown> {
  // "input": what the reader accepts (unknown fields are ignored, so later additions stay readable).
  const s = z.toJSONSchema(f.schema, { target: "draft-2020-12", io: "input" }) as JsonSchema & Record<string, unknown>;
  return { $id: `https://llmops.dev/${schemaFileOf(f)}`, title: `${f.tag}: ${f.title}`, ...s };
}

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((e) => JSON.stringify(e)).join(" \\| ");
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(" or ");
  if (s.type === "array") return s.prefixItems ? `[${s.prefixItems.map(typeOf).join(", ")}]` : `array of ${s.items ? typeOf(s.items) : "any"}`;
  if (s.type === "object" && !s.properties && s.additionalProperties && typeof s.additionalProperties === "object") return `map of ${typeOf(s.additionalProperties)}`;
  if (Array.isArray(s.type)) return s.type.join(" or ");
  return s.type ?? "any";
}

function fieldsTable(s: JsonSchema): string {
  const variants = s.oneOf ?? s.anyOf ?? [s];
  return variants
    .map((v) => {
      const rows = Object.entries(v.properties ?? {}).map(([name, p]) => [`\`${name}\``, typeOf(p).replace(/\|/g, "\\|"), v.required?.includes(name) ? "yes" : "no", (p.description ?? "").replace(/\|/g, "\\|")]);
      return markdownTable([["field", "type", "required", "meaning"], ...rows]);
    })
    .join("\n\nor, for the other variant:\n\n");
}

export function renderFormatsDoc(): string {
  const overview = markdownTable([
    ["format", "file", "written by", "read by", "older versions read"],
    ...FORMATS.map((f) => [`[\`${f.tag}\`](../${schemaFileOf(f)})`, `\`${f.file}\``, f.writer, f.readers, [...(f.previous ?? []).map((p) => `\`${p.tag ?? `llmops.${f.kind}/v${p.version}`}\``), ...(f.untagged ? ["untagged lines"] : [])].join(", ") || "–"]),
  ]);
  const sections = FORMATS.map((f) => `## \`${f.tag}\`\n\n${f.title[0]!.toUpperCase()}${f.title.slice(1)}. JSON Schema: [\`${schemaFileOf(f)}\`](../${schemaFileOf(f)}).\n\n${fieldsTable(jsonSchemaOf(f))}\n`);
  return `<!-- Generated from src/core/contracts/ by scripts/formats-reference.ts (npm run build); do not edit. -->
# File formats

Every file llmops writes carries \`"schema": "llmops.<kind>/v<N>"\` and is read back by one reader
(\`src/core/contracts/\`) that checks the version before the fields:

- the current version is validated field by field; a mismatch names the file (and line), the field
  and what was expected;
- an older version that is still listed below is read and upgraded in memory;
- a newer version is refused with "written by llmops X as llmops.<kind>/vN; this is llmops Y, which
  reads …: upgrade llmops";
- another kind of document (a summary passed where a comparison belongs) is named as such.

Within a version, changes are additive: readers ignore fields they do not know, so a file written by
a later release of the same version still reads. A change that an older reader would misread gets a
new version. The fixtures under \`test/fixtures/contracts/\` are files as released, kept readable by
tests.

${overview}

${sections.join("\n")}`;
}

/** Every generated file: path → content. */
export function generatedReference(): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of FORMATS) out.set(schemaFileOf(f), `${JSON.stringify(jsonSchemaOf(f), null, 2)}\n`);
  out.set("docs/formats.md", renderFormatsDoc());
  return out;
}
