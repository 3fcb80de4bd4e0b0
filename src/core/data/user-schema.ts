// A user's JSON Schema for records of any other shape (format "custom"), compiled once with ajv.
import AjvModule from "ajv";
import { ConfigError } from "../../errors.js";
import type { CustomIssue } from "./validate.js";

type AjvClass = typeof AjvModule.default;
const Ajv: AjvClass = ((AjvModule as unknown as { default?: AjvClass }).default ?? AjvModule) as AjvClass;

export function compileUserSchema(schema: unknown, file: string): (rec: Record<string, unknown>) => CustomIssue[] {
  if (typeof schema !== "object" || schema === null) throw new ConfigError(`${file}: a JSON Schema must be an object`);
  let validate;
  try {
    validate = new Ajv({ allErrors: false, strict: false }).compile(schema);
  } catch (err) {
    throw new ConfigError(`${file}: not a valid JSON Schema: ${err instanceof Error ? err.message : String(err)}`);
  }
  return (rec) => {
    if (validate(rec)) return [];
    return (validate.errors ?? []).map((e) => ({
      path: e.instancePath.replace(/^\//, "").replace(/\/(\d+)(?=\/|$)/g, "[$1]").replace(/\//g, "."),
      message: `${e.message ?? "does not match the schema"}${e.params && "additionalProperty" in e.params ? ` (${String(e.params.additionalProperty)})` : ""}`,
    }));
  };
}
