import { describe, expect, it } from "vitest";
import { ConfigError } from "../../../errors.js";
import { jsonSchema } from "./json-schema.js";

const baseInput = { vars: {}, prompt: "", latencyMs: 0, ttftMs: null, promptTokens: null, completionTokens: null, cost: null };
const make = (options: Record<string, unknown>) => jsonSchema.create(jsonSchema.schema.parse({ type: "json_schema", ...options }));

const person = {
  type: "object",
  properties: { name: { type: "string" }, age: { type: "integer", minimum: 0 }, email: { type: "string", format: "email" } },
  required: ["name", "age"],
  additionalProperties: false,
};

describe("json_schema", () => {
  it.each([
    ['{"name": "Ada", "age": 36}', 1],
    ['{"name": "Ada", "age": 36, "email": "not-checked"}', 1],
    ['{"name": "Ada"}', 0],
    ['{"name": "Ada", "age": -1}', 0],
    ['{"name": "Ada", "age": 36, "x": 1}', 0],
    ["not json", 0],
  ])("%s → %i", (output, value) => {
    expect(make({ schema: person }).score({ ...baseInput, output, expected: null }).value).toBe(value);
  });

  it("lists the first errors", () => {
    const r = make({ schema: person }).score({ ...baseInput, output: '{"age": "x", "y": 1}', expected: null });
    expect(r.detail).toEqual({
      errors: ["/ must have required property 'name'", "/ must NOT have additional properties", "/age must be integer"],
      error_count: 3,
    });
  });

  it.each([
    ["https://json-schema.org/draft/2020-12/schema", { prefixItems: [{ type: "integer" }], items: false }, "[1, 2]", 0],
    ["http://json-schema.org/draft-07/schema#", { items: [{ type: "integer" }], additionalItems: false }, "[1, 2]", 0],
    ["http://json-schema.org/draft-07/schema#", { items: [{ type: "integer" }], additionalItems: false }, "[1]", 1],
    ["https://json-schema.org/draft/2019-09/schema", { type: "array", maxContains: 1, contains: { const: 1 } }, "[1, 1]", 0],
  ])("honours $schema %s", ($schema, schema, output, value) => {
    const s = make({ schema: { $schema, type: "array", ...schema } });
    expect(s.score({ ...baseInput, output, expected: null }).value).toBe(value);
    expect(s.signature).toContain(`draft:${$schema.includes("draft-07") ? "draft-07" : $schema.includes("2019") ? "2019-09" : "2020-12"}`);
  });

  it("extracts a fenced block when asked", () => {
    const s = make({ schema: person, fenced: true });
    expect(s.score({ ...baseInput, output: 'Here:\n```json\n{"name": "Ada", "age": 1}\n```', expected: null }).value).toBe(1);
  });

  it("rejects an invalid schema with a ConfigError", () => {
    expect(() => make({ schema: { type: "nonsense" } })).toThrow(ConfigError);
  });

  it("needs exactly one of schema and schema_file", () => {
    expect(jsonSchema.schema.safeParse({ type: "json_schema" }).success).toBe(false);
    expect(jsonSchema.schema.safeParse({ type: "json_schema", schema: {}, schema_file: "s.json" }).success).toBe(false);
    expect(jsonSchema.schema.safeParse({ type: "json_schema", schema_file: "s.json" }).success).toBe(true);
  });

  it("refuses a schema_file the loader did not resolve", () => {
    expect(() => make({ schema_file: "schemas/person.json" })).toThrow(/was not loaded/);
  });

  it("accepts a schema_file resolved by the loader and names it in the signature", () => {
    const parsed = jsonSchema.schema.parse({ type: "json_schema", schema_file: "schemas/person.json" });
    const s = jsonSchema.create({ ...parsed, schema: person });
    expect(s.signature).toBe("json_schema|draft:2020-12|fenced:no|schema:schemas/person.json");
    expect(s.score({ ...baseInput, output: '{"name": "A", "age": 1}', expected: null }).value).toBe(1);
  });
});
