// One HTTP client of bench/http-client.mjs, in its own process: N chat requests at a concurrency,
// each answer's JSON parsed. Usage (bundled): node child.mjs <client> <base-url> <n> <concurrency>
import http from "node:http";
import { Http1Pool, parseEndpoint, requestHeadPrefix } from "../src/adapters/http/http1-client.js";
import { OpenAiCompatibleProvider } from "../src/adapters/openai/openai-provider.js";

const [client, baseUrl, n0, conc0] = process.argv.slice(2) as [string, string, string, string];
const n = Number(n0);
const url = `${baseUrl}/chat/completions`;
const body = (i: number) => JSON.stringify({ model: "m", messages: [{ role: "user", content: `${i}+${i % 97}=` }], stream: false });

type Send = (i: number) => Promise<unknown>;
function nodeHttp(): Send {
  const agent = new http.Agent({ keepAlive: true });
  return (i) =>
    new Promise((resolve, reject) => {
      const b = body(i);
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
  return async (i) => (await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: body(i) })).json();
}
function http1(): Send {
  const endpoint = parseEndpoint(url);
  const pool = new Http1Pool(endpoint);
  const head = requestHeadPrefix(endpoint, { "content-type": "application/json", accept: "application/json" });
  return async (i) => {
    const b = body(i);
    const res = await pool.request(`${head}${Buffer.byteLength(b)}\r\n\r\n${b}`, () => {}).response;
    return JSON.parse(await res.text());
  };
}
function provider(): Send {
  const p = new OpenAiCompatibleProvider({ baseUrl });
  return (i) => p.complete({ api: "chat", model: "m", messages: [{ role: "user", content: `${i}+${i % 97}=` }], params: {}, stream: false });
}

const send = ({ "node:http": nodeHttp, fetch: fetchClient, "llmops http1": http1, "llmops provider": provider } as Record<string, () => Send>)[client]!();
let next = 0;
let ok = 0;
await Promise.all(
  Array.from({ length: Number(conc0) }, async () => {
    while (next < n) {
      const r = (await send(next++)) as { choices?: unknown[]; text?: string };
      if (r.choices?.[0] !== undefined || typeof r.text === "string") ok++;
    }
  }),
);
process.stdout.write(JSON.stringify({ ok }));
process.exit(0);
