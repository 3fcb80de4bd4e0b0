// `key=value` overrides (CLI --set, the action's overrides input): dotted paths into the spec,
// values read as YAML scalars/flow collections so `lora.r=8`, `packing=true`, `lora.target_modules=[q_proj]` work.
import { parse } from "yaml";
import { InputError } from "../../errors.js";

export interface Override {
  path: string[];
  value: unknown;
  /** Where it came from, for messages ("--set", "input overrides line 3"). */
  source: string;
}

export function parseOverride(text: string, source: string): Override {
  const eq = text.indexOf("=");
  const key = eq < 0 ? "" : text.slice(0, eq).trim();
  if (eq < 0 || key === "" || key.split(".").some((p) => p === "")) {
    throw new InputError(`${source}: expected key=value (e.g. learning_rate=1e-4 or lora.r=8), got ${JSON.stringify(text)}`);
  }
  const raw = text.slice(eq + 1).trim();
  let value: unknown;
  try {
    value = raw === "" ? "" : parse(raw);
  } catch {
    value = raw;
  }
  return { path: key.split("."), value, source };
}

/** One override per non-empty, non-comment line. */
export function parseOverrideLines(text: string, source: string): Override[] {
  const out: Override[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const t = line.trim();
    if (t && !t.startsWith("#")) out.push(parseOverride(t, `${source} line ${i + 1}`));
  });
  return out;
}

export function applyOverrides(root: Record<string, unknown>, overrides: readonly Override[]): Record<string, unknown> {
  const copy = structuredClone(root);
  for (const o of overrides) {
    let node: Record<string, unknown> = copy;
    o.path.forEach((seg, i) => {
      if (seg === "__proto__" || seg === "constructor" || seg === "prototype") throw new InputError(`${o.source}: key "${o.path.join(".")}" is not allowed`);
      if (i === o.path.length - 1) {
        node[seg] = o.value;
        return;
      }
      const next = node[seg];
      if (next === undefined) node[seg] = {};
      else if (next === null || typeof next !== "object" || Array.isArray(next)) {
        throw new InputError(`${o.source}: cannot set "${o.path.join(".")}": "${o.path.slice(0, i + 1).join(".")}" is not a mapping`);
      }
      node = node[seg] as Record<string, unknown>;
    });
  }
  return copy;
}
