// The order stages run in: every stage after the stages whose outputs it reads. A cycle is a
// configuration error that names every stage on it, in order.
import { ConfigError } from "../../errors.js";

export function orderStages<S extends { name: string; upstream: string[] }>(stages: readonly S[], where: (name: string) => string): S[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const state = new Map<string, "visiting" | "done">();
  const out: S[] = [];
  const stack: string[] = [];
  const visit = (s: S): void => {
    const st = state.get(s.name);
    if (st === "done") return;
    if (st === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(s.name)), s.name];
      throw new ConfigError(`${where(s.name)}: the stages form a cycle: ${cycle.join(" → ")}`, {
        hint: "each stage reads (deps) what earlier stages write (outs); remove one of these dependencies",
      });
    }
    state.set(s.name, "visiting");
    stack.push(s.name);
    for (const u of s.upstream) visit(byName.get(u)!);
    stack.pop();
    state.set(s.name, "done");
    out.push(s);
  };
  for (const s of stages) visit(s);
  return out;
}

/** The stages to run for a selection: the selected ones and everything they depend on. */
export function withUpstream<S extends { name: string; upstream: string[] }>(stages: readonly S[], selected: readonly string[]): Set<string> {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const keep = new Set<string>();
  const add = (n: string) => {
    if (keep.has(n)) return;
    keep.add(n);
    for (const u of byName.get(n)?.upstream ?? []) add(u);
  };
  selected.forEach(add);
  return keep;
}

/** Every stage that (transitively) depends on `name`. */
export function downstreamOf<S extends { name: string; upstream: string[] }>(stages: readonly S[], name: string): Set<string> {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const s of stages) {
      if (out.has(s.name)) continue;
      if (s.upstream.some((u) => u === name || out.has(u))) {
        out.add(s.name);
        grew = true;
      }
    }
  }
  return out;
}
