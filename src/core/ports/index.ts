// The ports: the small interfaces through which the pure core talks to the world, one file each.
// Adapters in src/adapters/ implement them with real technology; tests use hand-written fakes.
export * from "./logger.js";
export * from "./clock.js";
export * from "./progress.js";
export * from "./process-runner.js";
export * from "./train-workspace.js";
export * from "../ports/provider.js";
export * from "./response-cache.js";
export * from "./results-store.js";
export * from "./github-client.js";
export * from "./registry-git.js";
export * from "./release-client.js";
