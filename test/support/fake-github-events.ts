// Real-shaped webhook payloads (trimmed copies of what GitHub writes to GITHUB_EVENT_PATH) for
// pull_request and workflow_run events.

export interface PullRequestEventOptions {
  number: number;
  headSha: string;
  baseSha?: string;
  headRepo?: string;
  baseRepo?: string;
  action?: string;
}

function repository(fullName: string, fork: boolean): Record<string, unknown> {
  const [owner, name] = fullName.split("/") as [string, string];
  return {
    id: fork ? 2002 : 1001,
    node_id: "R_kgDOExample",
    name,
    full_name: fullName,
    private: false,
    owner: { login: owner, id: 5, type: "Organization" },
    html_url: `https://github.com/${fullName}`,
    fork,
    url: `https://api.github.com/repos/${fullName}`,
    default_branch: "main",
  };
}

export function pullRequestEvent(o: PullRequestEventOptions): Record<string, unknown> {
  const baseRepo = o.baseRepo ?? "octo-org/llm-app";
  const headRepo = o.headRepo ?? baseRepo;
  return {
    action: o.action ?? "synchronize",
    number: o.number,
    before: "0".repeat(40),
    after: o.headSha,
    pull_request: {
      url: `https://api.github.com/repos/${baseRepo}/pulls/${o.number}`,
      id: 900 + o.number,
      node_id: "PR_kwDOExample",
      html_url: `https://github.com/${baseRepo}/pull/${o.number}`,
      number: o.number,
      state: "open",
      locked: false,
      title: "Tune the system prompt @maintainer please look",
      user: { login: "contributor", id: 77, type: "User" },
      body: "Changes the prompt. <!-- llmops:report:llmops -->",
      draft: false,
      head: { label: `${headRepo.split("/")[0]}:feature`, ref: "feature", sha: o.headSha, user: { login: headRepo.split("/")[0] }, repo: repository(headRepo, headRepo !== baseRepo) },
      base: { label: `${baseRepo.split("/")[0]}:main`, ref: "main", sha: o.baseSha ?? "b".repeat(40), user: { login: baseRepo.split("/")[0] }, repo: repository(baseRepo, false) },
      author_association: headRepo === baseRepo ? "MEMBER" : "FIRST_TIME_CONTRIBUTOR",
    },
    repository: repository(baseRepo, false),
    sender: { login: "contributor", id: 77, type: "User" },
  };
}

export interface WorkflowRunEventOptions {
  headSha: string;
  headRepo: string;
  repo?: string;
  event?: string;
  pullRequests?: Array<{ number: number; headSha: string }>;
  runId?: number;
}

export function workflowRunEvent(o: WorkflowRunEventOptions): Record<string, unknown> {
  const repo = o.repo ?? "octo-org/llm-app";
  const runId = o.runId ?? 123456789;
  return {
    action: "completed",
    workflow_run: {
      id: runId,
      name: "llmops PR",
      node_id: "WFR_kwLOExample",
      head_branch: "feature",
      head_sha: o.headSha,
      path: ".github/workflows/llmops-pr.yml",
      run_number: 17,
      event: o.event ?? "pull_request",
      status: "completed",
      conclusion: "success",
      workflow_id: 4242,
      html_url: `https://github.com/${repo}/actions/runs/${runId}`,
      pull_requests: (o.pullRequests ?? []).map((p) => ({
        url: `https://api.github.com/repos/${repo}/pulls/${p.number}`,
        id: 900 + p.number,
        number: p.number,
        head: { ref: "feature", sha: p.headSha, repo: { id: 1001, url: `https://api.github.com/repos/${repo}`, name: repo.split("/")[1] } },
        base: { ref: "main", sha: "b".repeat(40), repo: { id: 1001, url: `https://api.github.com/repos/${repo}`, name: repo.split("/")[1] } },
      })),
      created_at: "2026-01-01T00:00:00Z",
      updated_at: "2026-01-01T00:05:00Z",
      run_attempt: 1,
      head_commit: { id: o.headSha, message: "tune prompt", author: { name: "c", email: "c@example.com" } },
      repository: repository(repo, false),
      head_repository: repository(o.headRepo, o.headRepo !== repo),
    },
    workflow: { id: 4242, name: "llmops PR", path: ".github/workflows/llmops-pr.yml" },
    repository: repository(repo, false),
    sender: { login: "contributor", id: 77, type: "User" },
  };
}
