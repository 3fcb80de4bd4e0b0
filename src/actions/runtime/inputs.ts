// Action inputs: declared once per action as a spec (name → zod schema), read through
// @actions/core, validated, frozen. Empty means unset; `required` is enforced here, not by the runner.
import * as core from "@actions/core";
import { z } from "zod";
import { InputError } from "../../errors.js";

export interface InputSpec<T extends z.ZodType = z.ZodType> {
  schema: T;
  required?: boolean;
  description: string;
}

export type InputSpecs = Record<string, InputSpec>;

type Parsed<S extends InputSpecs> = {
  readonly [K in keyof S]: S[K]["required"] extends true ? z.output<S[K]["schema"]> : z.output<S[K]["schema"]> | undefined;
};

/** Read and validate every declared input; throws InputError naming the input and what is allowed. */
export function parseInputs<S extends InputSpecs>(specs: S, read: (name: string) => string = (n) => core.getInput(n)): Parsed<S> {
  const out: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
    const raw = read(name).trim();
    if (raw === "") {
      if (spec.required) throw new InputError(`input "${name}" is required: ${spec.description}`, { hint: `set it under "with:" in the workflow step` });
      out[name] = undefined;
      continue;
    }
    const r = spec.schema.safeParse(raw);
    if (!r.success) {
      const why = r.error.issues.map((i) => i.message).join("; ");
      throw new InputError(`input "${name}" has an invalid value ${JSON.stringify(raw)}: ${why}`, { hint: spec.description });
    }
    out[name] = r.data;
  }
  return Object.freeze(out) as Parsed<S>;
}

export const inputSchemas = {
  string: z.string(),
  positiveInt: z
    .string()
    .regex(/^\d+$/, "expected a positive whole number")
    .transform(Number)
    .pipe(z.number().int().positive()),
  boolean: z
    .string()
    .transform((s) => s.toLowerCase())
    .pipe(z.enum(["true", "false"], { message: "expected true or false" }))
    .transform((s) => s === "true"),
  url: z.string().url("expected an absolute URL such as http://127.0.0.1:8000/v1"),
};
