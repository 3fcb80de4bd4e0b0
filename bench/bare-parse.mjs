// The bare-parse peer of bench/eval-scale.mjs: read a results.jsonl line by line and JSON.parse
// every line, keeping nothing — the floor for any pass over the file.
// Usage: node bench/bare-parse.mjs <results.jsonl>
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
let n = 0;
for await (const line of createInterface({ input: createReadStream(process.argv[2]), crlfDelay: Infinity })) {
  if (line) {
    JSON.parse(line);
    n++;
  }
}
process.stdout.write(JSON.stringify({ n }));
