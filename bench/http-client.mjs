// The HTTP client's cost: N non-streamed chat requests at concurrency C against the loopback server
// at 0 ms, from node:http with keep-alive (the peer eval-scale's bare client uses), fetch (undici),
// llmops's own HTTP/1.1 client, and the provider over it (classification, deadlines' events,
// request body building). Each client is its own process, measured for wall, CPU and peak RSS; the
// server's CPU meanwhile is printed beside it. Rounds alternate the clients, so a noisy machine
// shows as spread between rounds rather than as one client's advantage.
// Usage: npm run bench:http [-- --requests 100000 --concurrency 64 --rounds 2]
import { build } from "esbuild";
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { requests: { type: "string", default: "100000" }, concurrency: { type: "string", default: "64" }, rounds: { type: "string", default: "2" } } });
const root = new URL("..", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "llmops-http-"));
const opts = { absWorkingDir: root, bundle: true, platform: "node", format: "esm", logLevel: "warning", banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" } };
await build({ ...opts, entryPoints: ["test/support/openai-server.ts"], outfile: join(work, "server.mjs") });
await build({ ...opts, entryPoints: ["bench/http-client-child.ts"], outfile: join(work, "child.mjs") });
const { startOpenAiTestServer } = await import(join(work, "server.mjs"));
const server = await startOpenAiTestServer({ respond: () => "4", record: false });
const n = Number(values.requests);

function measure(client) {
  const cpu0 = process.cpuUsage();
  return new Promise((resolve, reject) =>
    execFile(process.execPath, [join(root, "bench", "rss.mjs"), join(work, "child.mjs"), client, server.baseUrl, String(n), values.concurrency], { maxBuffer: 1 << 24 }, (err, stdout, stderr) => {
      const own = process.cpuUsage(cpu0);
      const m = /@@rss (\{.*\})/.exec(stderr);
      if (!m || JSON.parse(stdout).ok !== n) return reject(new Error(`${client}: ${err?.message ?? ""} ${stdout} ${stderr.slice(-1500)}`));
      resolve({ ...JSON.parse(m[1]), serverCpuMs: (own.user + own.system) / 1000 });
    }),
  );
}

const clients = ["node:http", "fetch", "llmops http1", "llmops provider"];
console.log(`HTTP clients: ${n.toLocaleString("en")} chat requests at concurrency ${values.concurrency}, loopback server at 0 ms in this process; load average ${loadavg().map((x) => x.toFixed(1)).join(" ")}`);
for (let round = 1; round <= Number(values.rounds); round++) {
  console.log(`  round ${round} (load average ${loadavg()[0].toFixed(1)})`);
  const byClient = {};
  for (const c of round % 2 ? clients : [...clients].reverse()) byClient[c] = await measure(c);
  const peer = byClient["node:http"];
  for (const c of clients) {
    const r = byClient[c];
    console.log(
      `    ${c.padEnd(16)} wall ${(r.wallMs / 1000).toFixed(2).padStart(6)} s  ${String(Math.round(n / (r.wallMs / 1000))).padStart(6)} req/s  CPU ${((r.cpuMs * 1000) / n).toFixed(1).padStart(6)} µs/request (${(r.cpuMs / peer.cpuMs).toFixed(2)}× node:http)  server CPU ${((r.serverCpuMs * 1000) / n).toFixed(1).padStart(5)} µs/request  peak RSS ${r.maxRssMb.toFixed(0)} MB`,
    );
  }
}
await server.close();
rmSync(work, { recursive: true, force: true });
