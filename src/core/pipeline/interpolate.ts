// `${name}` in a stage's `run:`, `with:`, `env:` and a service's command: the pipeline's own
// parameters, `${services.NAME.url}` (known once the service runs) and `${port}` in a service.
// Deliberately not GitHub's `${{ }}`, so a pipeline pasted into a workflow is never expanded there.

export type Lookup = (name: string) => { found: true; value: unknown } | { found: false };

const VAR = /\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}/g;

export function variablesIn(text: string): string[] {
  return [...text.matchAll(VAR)].map((m) => m[1]!);
}

/**
 * Replace every `${name}` the lookup knows; a string that is exactly one variable keeps the
 * value's type (a number stays a number). Names the lookup does not know are left as written.
 */
export function interpolate(value: unknown, lookup: Lookup): unknown {
  if (typeof value === "string") {
    const whole = /^\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}$/.exec(value);
    if (whole) {
      const r = lookup(whole[1]!);
      return r.found ? r.value : value;
    }
    return value.replace(VAR, (m, name: string) => {
      const r = lookup(name);
      return r.found ? (typeof r.value === "string" ? r.value : JSON.stringify(r.value)) : m;
    });
  }
  if (Array.isArray(value)) return value.map((v) => interpolate(v, lookup));
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, interpolate(v, lookup)]));
  }
  return value;
}

/** Every `${…}` left in a value, with the path to the string that holds it. */
export function unresolved(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; name: string }[] {
  if (typeof value === "string") return variablesIn(value).map((name) => ({ path, name }));
  if (Array.isArray(value)) return value.flatMap((v, i) => unresolved(v, [...path, i]));
  if (value !== null && typeof value === "object") return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => unresolved(v, [...path, k]));
  return [];
}

/** A dotted key in nested params: `train.lr` → params.train.lr. */
export function lookupParam(params: Record<string, unknown>, key: string): { found: true; value: unknown } | { found: false } {
  if (Object.hasOwn(params, key)) return { found: true, value: params[key] };
  let v: unknown = params;
  for (const seg of key.split(".")) {
    if (v === null || typeof v !== "object" || !Object.hasOwn(v, seg)) return { found: false };
    v = (v as Record<string, unknown>)[seg];
  }
  return { found: true, value: v };
}
