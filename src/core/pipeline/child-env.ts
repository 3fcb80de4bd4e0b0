// The environment a stage or service process gets: the caller's, minus the runner's own tokens
// (a stage runs code from the repository, which on a pull request is the PR's code).
const DROPPED = /^(GITHUB_TOKEN|GH_TOKEN|ACTIONS_RUNTIME_TOKEN|ACTIONS_RUNTIME_URL|ACTIONS_ID_TOKEN_REQUEST_TOKEN|ACTIONS_ID_TOKEN_REQUEST_URL|ACTIONS_RESULTS_URL|ACTIONS_CACHE_URL|INPUT_.*)$/;

export function stageEnvironment(base: Readonly<Record<string, string | undefined>>, extra: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(base)) if (v !== undefined && !DROPPED.test(k.toUpperCase())) out[k] = v;
  return { ...out, ...extra };
}
