// json_schema: 1 when the parsed output validates against a JSON Schema (Ajv; draft 2020-12, or
// 2019-09 / draft-07 when `$schema` says so),
// compiled once per scorer. The schema is given inline (`schema`); a `schema_file` is read by the
// suite loader (I/O stays outside the core), which puts the parsed file into `schema`.
import { Ajv } from "ajv";
import { Ajv2019 } from "ajv/dist/2019.js";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import { z } from "zod";
import { ConfigError } from "../../../errors.js";
import { scorerBase, scorerSchema } from "./common.js";
import { parseJsonOutput } from "./json-output.js";
import type { ScorerDefinition } from "./types.js";

const MAX_ERRORS = 5;

const jsonSchemaSchema = scorerSchema("json_schema", {
  /** The JSON Schema, inline (draft 2020-12 unless it names another `$schema` Ajv 2020 supports). */
  schema: z.record(z.string(), z.unknown()).optional(),
  /** A JSON or YAML file holding the schema, relative to the suite file (read by the loader). */
  schema_file: z.string().min(1).optional(),
  /** Parse the first ``` fenced block (```json or bare) when the output has one. */
  fenced: z.boolean().default(false),
}).superRefine((c, ctx) => {
  if ((c.schema === undefined) === (c.schema_file === undefined)) {
    ctx.addIssue({ code: "custom", path: ["schema"], message: "give exactly one of schema (inline) or schema_file" });
  }
});

export type JsonSchemaScorerConfig = z.output<typeof jsonSchemaSchema>;

function formatError(e: ErrorObject): string {
  return `${e.instancePath || "/"} ${e.message ?? e.keyword}`;
}

export type SchemaDraft = "2020-12" | "2019-09" | "draft-07";

/** The draft a schema declares in `$schema`; 2020-12 when it declares none. */
export function schemaDraftOf(schema: Record<string, unknown>): SchemaDraft {
  const declared = typeof schema.$schema === "string" ? schema.$schema : "";
  if (declared.includes("draft-07")) return "draft-07";
  if (declared.includes("2019-09")) return "2019-09";
  return "2020-12";
}

/** Compile a schema, or throw a ConfigError naming the scorer. `format` is an annotation only. */
export function compileJsonSchema(schema: Record<string, unknown>, scorerName: string): ValidateFunction {
  const options = { allErrors: true, strict: false, validateFormats: false } as const;
  const draft = schemaDraftOf(schema);
  const ajv = draft === "draft-07" ? new Ajv(options) : draft === "2019-09" ? new Ajv2019(options) : new Ajv2020(options);
  try {
    return ajv.compile(schema);
  } catch (e) {
    throw new ConfigError(`scorer "${scorerName}": invalid JSON Schema: ${(e as Error).message}`, {
      hint: "check the schema against draft 2020-12",
    });
  }
}

export const jsonSchema: ScorerDefinition<typeof jsonSchemaSchema> = {
  type: "json_schema",
  schema: jsonSchemaSchema,
  create(c) {
    const base = scorerBase(c);
    const name = base.name;
    if (c.schema === undefined) {
      throw new ConfigError(`scorer "${name}": schema_file "${c.schema_file}" was not loaded`, {
        hint: "the suite loader must read schema_file and pass its content as schema",
      });
    }
    const validate = compileJsonSchema(c.schema, name);
    const draft = schemaDraftOf(c.schema);
    return {
      ...base,
      signature: `json_schema|draft:${draft}|fenced:${c.fenced ? "yes" : "no"}|schema:${c.schema_file ?? "inline"}`,
      score({ output }) {
        const parsed = parseJsonOutput(output, c.fenced);
        if (!parsed.ok) return { value: 0, detail: { error: parsed.error } };
        if (validate(parsed.value)) return { value: 1 };
        const errors = validate.errors ?? [];
        return { value: 0, detail: { errors: errors.slice(0, MAX_ERRORS).map(formatError), error_count: errors.length } };
      },
    };
  },
};
