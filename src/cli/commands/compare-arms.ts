// `llmops compare --control [NAME=]DIR --arm [NAME=]DIR …`: the k-arm form of compare (a control and
// variants evaluated on the same cases), through src/app/compare/run-arms.ts.
import { basename } from "node:path";
import { compareArms } from "../../app/compare/run-arms.js";
import { InputError } from "../../errors.js";
import type { CliContext } from "../context.js";

/** "NAME=DIR" or "DIR" (named after the directory). */
function parseArmSpec(spec: string, flag: string): { name: string; dir: string } {
  const eq = spec.indexOf("=");
  const name = eq > 0 ? spec.slice(0, eq) : basename(spec.replace(/[\\/]+$/, ""));
  const dir = eq > 0 ? spec.slice(eq + 1) : spec;
  if (!dir || !name) throw new InputError(`--${flag} ${JSON.stringify(spec)}: expected NAME=DIR or DIR`, { hint: "e.g. --arm concise=runs/concise" });
  return { name, dir };
}

export async function runCompareArms(ctx: CliContext, values: Record<string, unknown>): Promise<number> {
  for (const flag of ["baseline", "candidate", "policy"]) {
    if (values[flag] !== undefined) throw new InputError(`llmops compare: --${flag} cannot be combined with --control/--arm`, { hint: "a k-arm comparison takes --control [NAME=]DIR and one --arm [NAME=]DIR per variant; it compares and does not gate" });
  }
  if (typeof values.control !== "string" || values.control === "") throw new InputError("llmops compare: --arm needs --control [NAME=]DIR (the arm every variant is compared with)", { hint: 'run "llmops compare --help" for usage' });
  const armSpecs = (values.arm as string[] | undefined) ?? [];
  if (armSpecs.length === 0) throw new InputError("llmops compare: --control needs at least one --arm [NAME=]DIR", { hint: "e.g. llmops compare --control base=runs/base --arm concise=runs/concise --arm cot=runs/cot" });
  const arms = [parseArmSpec(values.control, "control"), ...armSpecs.map((s) => parseArmSpec(s, "arm"))].map((a) => ({ ...a, dir: ctx.resolvePath(a.dir) }));
  const seen = new Set<string>();
  for (const a of arms) {
    if (seen.has(a.name)) throw new InputError(`llmops compare: two arms are named ${JSON.stringify(a.name)}`, { hint: "name each arm: --arm NAME=DIR" });
    seen.add(a.name);
  }
  const outDir = typeof values.out === "string" ? ctx.resolvePath(values.out) : ctx.resolvePath(".llmops/comparison");
  const { arms: result, files } = await compareArms({ arms, outDir, logger: ctx.logger });
  if (files) ctx.logger.info(`wrote ${files.arms} and ${files.report}`);
  if (values.json) ctx.printJson(result);
  else {
    const lines = result.metrics.map((m) => `${m.name.padEnd(16)} ${m.verdict}`);
    ctx.stdout.write(`${result.shared_cases} shared cases, ${result.arms.length} arms (control ${result.arms[0]!.name}); Holm across ${result.holm_family} pairs × metrics\n${lines.join("\n")}\n`);
  }
  return 0;
}
