// One HTTP client of bench/http-client.mjs, in its own process: N chat requests at a concurrency,
// each answer's JSON parsed. With a case file instead of N (bench/eval-scale.mjs's two bare peers),
// one request per line, read and parsed, nothing else.
// Usage (bundled): node child.mjs <client> <base-url> <n | cases.jsonl> <concurrency>
import { createReadStream } from "node:fs";
import http from "node:http";
import { createInterface } from "node:readline";
import { Http1Pool, parseEndpoint, requestHeadPrefix } from "../src/adapters/http/http1-client.js";
import { OpenAiCompatibleProvider } from "../src/adapters/openai/openai-provider.js";

const [client, baseUrl, n0, conc0] = process.argv.slice(2) as [string, string, string, string];
const url = `${baseUrl}/chat/completions`;
const input = (i: number) => `${i}+${i % 97}=`;
const body = (content: string) => JSON.stringify({ model: "m", messages: [{ role: "user", content }], stream: false });

type Send = (content: string) => Promise<unknown>;
function nodeHttp(): Send {
  const agent = new http.Agent({ keepAlive: true });
  return (content) =>
    new Promise((resolve, reject) => {
      const b = body(content);
      const req = http.request(url, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(b) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve(JSON.parse(Buffer.concat(chunks).toString("utf8"))));
        res.on("error", reject);
      });
      req.on("error", reject);
      req.end(b);
    });
}
function fetchClient(): Send {
  return async (content) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body(content) })).json();
}
function http1(): Send {
  const endpoint = parseEndpoint(url);
  const pool = new Http1Pool(endpoint);
  const head = requestHeadPrefix(endpoint, { "content-type": "application/json", accept: "application/json" });
  return async (content) => {
    const b = body(content);
    const res = await pool.request(`${head}${Buffer.byteLength(b)}\r\n\r\n${b}`, () => {}).response;
    return JSON.parse(await res.text());
  };
}
function provider(): Send {
  const p = new OpenAiCompatibleProvider({ baseUrl });
  return (content) => p.complete({ api: "chat", model: "m", messages: [{ role: "user", content }], params: {}, stream: false });
}

const send = ({ "node:http": nodeHttp, fetch: fetchClient, "llmops http1": http1, "llmops provider": provider } as Record<string, () => Send>)[client]!();
const lines = n0.endsWith(".jsonl") ? createInterface({ input: createReadStream(n0), crlfDelay: Infinity })[Symbol.asyncIterator]() : null;
const n = Number(n0);
let next = 0;
/** The next request's content, or null when there are no more. */
async function take(): Promise<string | null> {
  if (lines === null) return next < n ? input(next++) : null;
  for (;;) {
    const line = await lines.next();
    if (line.done) return null;
    if (line.value.trim()) return (JSON.parse(line.value) as { input: string }).input;
  }
}
let ok = 0;
await Promise.all(
  Array.from({ length: Number(conc0) }, async () => {
    for (let content = await take(); content !== null; content = await take()) {
      const r = (await send(content)) as { choices?: unknown[]; text?: string };
      if (r.choices?.[0] !== undefined || typeof r.text === "string") ok++;
    }
  }),
);
process.stdout.write(JSON.stringify({ ok }));
process.exit(0);
