// Our rules for workflow files, beyond what GitHub's parser checks: least privilege, pinned actions,
// no expression injection into shell scripts, no privileged checkout of untrusted code.
import { parse } from "yaml";

/** Returns our rule violations for one workflow (text + parsed YAML). */
export function workflowRuleViolations(name: string, text: string): string[] {
  const out: string[] = [];
  const wf = parse(text) as Record<string, unknown>;
  const perms = wf.permissions;
  if (!(perms && typeof perms === "object" && Object.keys(perms).length === 0)) out.push(`${name}: top-level "permissions: {}" is required`);
  const on = wf.on ?? wf.true; // YAML 1.1 readers turn `on` into true
  const triggers = typeof on === "string" ? [on] : Array.isArray(on) ? on : Object.keys((on ?? {}) as object);
  if (triggers.includes("pull_request_target")) out.push(`${name}: pull_request_target is not allowed (use workflow_run for fork PRs)`);
  const jobs = (wf.jobs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, job] of Object.entries(jobs)) {
    if (job.uses === undefined && job.permissions === undefined) out.push(`${name}: job "${id}" must declare its permissions`);
    for (const [i, step] of ((job.steps ?? []) as Array<Record<string, unknown>>).entries()) {
      const where = `${name}: job "${id}" step ${i + 1}`;
      if (typeof step.run === "string" && step.run.includes("${{")) out.push(`${where}: no \${{ }} inside run: (pass values through env:)`);
      const uses = step.uses;
      if (typeof uses === "string" && triggers.includes("workflow_run") && /^actions\/checkout@/.test(uses)) {
        const ref = String((step.with as Record<string, unknown> | undefined)?.ref ?? "");
        if (/workflow_run\.(head|pull_requests)/.test(ref)) out.push(`${where}: a workflow_run job must not check out the PR's code`);
      }
    }
  }
  const lines = text.split("\n");
  lines.forEach((line, n) => {
    const m = /^\s*(?:-\s+)?uses:\s*([^\s#]+)(.*)$/.exec(line);
    if (m) {
      const target = m[1] as string;
      if (!target.startsWith("./") && !target.startsWith("docker://")) {
        if (!/^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/.test(target)) out.push(`${name}:${n + 1}: "${target}" must be pinned to a full commit SHA`);
        else if (!/#\s*v\d+(\.\d+){0,2}\b/.test(m[2] ?? "")) out.push(`${name}:${n + 1}: "${target}" needs a version comment (# vX.Y.Z)`);
      }
    }
    const p = /^\s+(actions|attestations|checks|contents|deployments|discussions|id-token|issues|packages|pages|pull-requests|repository-projects|security-events|statuses|models):\s*(read|write|none)\s*(#.*)?$/.exec(line);
    if (p && !p[3]) out.push(`${name}:${n + 1}: permission "${p[1]}: ${p[2]}" needs a comment saying why`);
  });
  return out;
}
