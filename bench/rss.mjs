// Run a Node script (argv[2], with the rest as its arguments) in this process and print its peak
// RSS, wall and CPU time as one JSON line on stderr when it exits: how bench/eval-scale.mjs measures
// each step as its own process.
import { pathToFileURL } from "node:url";
const [script, ...args] = process.argv.slice(2);
const t0 = performance.now();
process.argv = [process.argv[0], script, ...args];
process.on("exit", (code) => {
  process.stderr.write(`\n@@rss ${JSON.stringify({ code, wallMs: performance.now() - t0, maxRssMb: process.resourceUsage().maxRSS / 1024, cpuMs: (process.resourceUsage().userCPUTime + process.resourceUsage().systemCPUTime) / 1000 })}\n`);
});
await import(pathToFileURL(script).href);
