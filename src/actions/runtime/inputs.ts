// Action inputs: each action's table is derived from its command's option spec
// (src/core/options/, actionInputs), read through @actions/core, validated, frozen. Empty means
// unset; `required` is enforced here, not by the runner.
import * as core from "@actions/core";
import type { z } from "zod";
import { InputError } from "../../errors.js";
import type { InputSpecs } from "../../core/options/spec.js";

export type { InputSpec, InputSpecs } from "../../core/options/spec.js";

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
