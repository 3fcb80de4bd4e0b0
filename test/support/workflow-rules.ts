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
  // issue_comment runs the default branch's workflow with a write-capable token, like pull_request_target.
  const privileged = triggers.includes("pull_request_target") || triggers.includes("workflow_run") || triggers.includes("issue_comment");
  const jobs = (wf.jobs ?? {}) as Record<string, Record<string, unknown>>;
  for (const [id, job] of Object.entries(jobs)) {
    if (job.uses === undefined && job.permissions === undefined) out.push(`${name}: job "${id}" must declare its permissions`);
    // Where this job put the PR's code, once it has (null: not yet; "" : the workspace root).
    let prPath: string | null = null;
    for (const [i, step] of ((job.steps ?? []) as Array<Record<string, unknown>>).entries()) {
      const where = `${name}: job "${id}" step ${i + 1}`;
      if (typeof step.run === "string" && step.run.includes("${{")) out.push(`${where}: no \${{ }} inside run: (pass values through env:)`);
      const uses = typeof step.uses === "string" ? step.uses : "";
      const w = (step.with ?? {}) as Record<string, unknown>;
      if (/^actions\/checkout@/.test(uses) && PR_REF.test(String(w.ref ?? "") + String(w.repository ?? ""))) {
        const path = String(w.path ?? "").replace(/^\.\/|\/$/g, "");
        if (triggers.includes("workflow_run") && /workflow_run\.(head|pull_requests)/.test(String(w.ref ?? ""))) out.push(`${where}: a workflow_run job must not check out the PR's code`);
        else if (privileged && path === "") out.push(`${where}: a ${triggers.includes("pull_request_target") ? "pull_request_target" : triggers.includes("issue_comment") ? "issue_comment" : "workflow_run"} job may check out the PR's files only as data, under a path: of their own`);
        if (privileged) prPath = path;
        continue;
      }
      if (!privileged || prPath === null) continue;
      // After the PR's files are on disk in a privileged job, nothing may run that could execute them.
      if (typeof step.run === "string") out.push(`${where}: a run: step after the PR's files were checked out in a privileged job (they could be executed); do it before, or in another job`);
      const local = uses.replace(/^\.\//, "");
      if (uses.startsWith("./") && (prPath === "" || local === prPath || local.startsWith(`${prPath}/`))) out.push(`${where}: runs an action from the PR's checkout (${uses})`);
    }
    // A job that reads the PR's code holds no write permission.
    if (prPath !== null || jobChecksOutPr(job)) {
      const writes = permissionWrites(job.permissions);
      if (writes.length > 0) out.push(`${name}: job "${id}" reads the PR's files and must not hold write permissions (${writes.join(", ")})`);
    }
    // The required check is computed only where the PR cannot reach: never from a pull_request run.
    if (triggers.includes("pull_request")) {
      for (const [i, step] of ((job.steps ?? []) as Array<Record<string, unknown>>).entries()) {
        const uses = typeof step.uses === "string" ? step.uses : "";
        const w = (step.with ?? {}) as Record<string, unknown>;
        if (/(^\.\/|\/llmops\/)actions\/comment(@|$)/.test(uses) && String(w.check ?? "true") !== "false" && String(w["check-name"] ?? "llmops / gate") === "llmops / gate") {
          out.push(`${name}: job "${id}" step ${i + 1}: posts the required "llmops / gate" check from a pull_request run (the PR's code computed it); give it another check-name`);
        }
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

/** A checkout ref or repository that is the PR's: its head, its merge ref, or the fork. */
const PR_REF = /pull_request\.head|workflow_run\.(head|pull_requests)|refs\/pull\/|head_repository/;

function jobChecksOutPr(job: Record<string, unknown>): boolean {
  return ((job.steps ?? []) as Array<Record<string, unknown>>).some((s) => typeof s.uses === "string" && /^actions\/checkout@/.test(s.uses) && PR_REF.test(String((s.with as Record<string, unknown> | undefined)?.ref ?? "")));
}

function permissionWrites(perms: unknown): string[] {
  if (perms === "write-all") return ["write-all"];
  if (!perms || typeof perms !== "object") return [];
  return Object.entries(perms as Record<string, unknown>).filter(([, v]) => v === "write").map(([k]) => `${k}: write`);
}
