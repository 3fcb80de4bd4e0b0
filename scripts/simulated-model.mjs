// A SIMULATED model behind an OpenAI-compatible endpoint on 127.0.0.1, for this repository's own
// PR workflow and for trying the CLI by hand, until the embedded model (GGUF served by llama.cpp)
// lands. It answers the example suite's additions correctly with a fixed, per-model probability
// (deterministic per prompt), so evaluations, comparisons and gates have something real to measure.
// Usage: node scripts/simulated-model.mjs [--port 8080] [--skill tiny=0.8,other=0.6]
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" }, skill: { type: "string", default: "tiny=0.8" } } });
const skill = Object.fromEntries(values.skill.split(",").map((kv) => kv.split("=")).map(([k, v]) => [k, Number(v)]));
const root = new URL("..", import.meta.url).pathname;
const work = join(root, ".llmops", "simulated-model");
mkdirSync(work, { recursive: true });
await build({ absWorkingDir: root, entryPoints: ["scripts/demo-support.ts"], outfile: join(work, "support.mjs"), bundle: true, platform: "node", format: "esm", logLevel: "warning" });
const { startOpenAiTestServer, simulatedModel } = await import(join(work, "support.mjs"));

const server = await startOpenAiTestServer({ respond: simulatedModel(skill), port: Number(values.port) });
console.log(`simulated model listening at ${server.baseUrl} (skills: ${JSON.stringify(skill)}); Ctrl-C to stop`);
const stop = () => server.close().then(() => process.exit(0));
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
