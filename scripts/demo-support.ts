// What the demo borrows from the test support code: the loopback OpenAI-compatible server (the
// simulated model), the stateful fake of GitHub's REST API, a real-shaped pull_request event, and
// the runner-like launcher of bundled actions. Bundled by scripts/demo.mjs with esbuild.
export { startOpenAiTestServer } from "../test/support/openai-server.js";
export { FakeGitHub, ACTIONS_TOKEN } from "../test/support/fake-github.js";
export { pullRequestEvent } from "../test/support/fake-github-events.js";
export { runActionBundle } from "../test/support/fake-github-action.js";
