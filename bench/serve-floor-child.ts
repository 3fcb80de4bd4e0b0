// A process of its own for the floor of bench/serve.mjs, so the floor and `llmops serve` run under the
// same conditions (a fresh process each, one llama.cpp thread): reads "<maxTokens> <prompt as JSON>"
// lines on stdin, answers {"ms", "tokens"} lines on stdout.
import { createInterface } from "node:readline";
import { openFloor } from "./serve-child.js";

const floor = await openFloor(process.argv[2]!);
console.log(JSON.stringify({ ready: true }));
for await (const line of createInterface({ input: process.stdin })) {
  const space = line.indexOf(" ");
  console.log(JSON.stringify(await floor.run(JSON.parse(line.slice(space + 1)) as string, Number(line.slice(0, space)))));
}
await floor.close();
