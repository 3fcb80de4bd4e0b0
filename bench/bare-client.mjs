// The bare-client peer of bench/eval-scale.mjs: the same N chat requests as the suite sends, over
// node:http with keep-alive at the same concurrency, each answer JSON.parsed, nothing else.
// Usage: node bench/bare-client.mjs <base-url> <cases.jsonl> <concurrency>
import http from "node:http";
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
const [baseUrl, casesPath, conc] = process.argv.slice(2);
const agent = new http.Agent({ keepAlive: true });
const url = `${baseUrl}/chat/completions`;
const lines = createInterface({ input: createReadStream(casesPath), crlfDelay: Infinity })[Symbol.asyncIterator]();
let ok = 0;
async function post(body) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}
async function worker() {
  for (;;) {
    const next = await lines.next();
    if (next.done) return;
    if (!next.value.trim()) continue;
    const c = JSON.parse(next.value);
    const r = await post(JSON.stringify({ model: "m", messages: [{ role: "user", content: c.input }], stream: false }));
    if (r.choices?.[0]) ok++;
  }
}
await Promise.all(Array.from({ length: Number(conc) }, worker));
agent.destroy();
process.stdout.write(JSON.stringify({ ok }));
