// What the demo (and scripts/simulated-model.mjs) borrow from the test support code: the loopback
// OpenAI-compatible server and the simulated model it serves, the stateful fake of GitHub's REST API, a real-shaped pull_request event, and
// the runner-like launcher of bundled actions. Bundled by scripts/demo-simulated.mjs and
// scripts/simulated-model.mjs with esbuild.
export { startOpenAiTestServer } from "../test/support/openai-server.js";
export { simulatedModel } from "../test/support/simulated-model.js";
export { FakeGitHub, ACTIONS_TOKEN } from "../test/support/fake-github.js";
export { pullRequestEvent } from "../test/support/fake-github-events.js";
export { runActionBundle } from "../test/support/fake-github-action.js";
