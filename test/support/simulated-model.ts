// The SIMULATED model that scripts/demo-simulated.mjs and scripts/simulated-model.mjs serve through the
// loopback OpenAI-compatible server until the embedded model lands: it answers the example suite's
// additions ("12 + 30 =") correctly with a fixed probability per model, else off by one.
import { createHash } from "node:crypto";
import type { ServedRequest } from "./openai-server.js";

/**
 * A `respond` function for startOpenAiTestServer. Whether an answer is right is decided by a hash of
 * model and prompt, so the same request always gets the same answer; `skill[model]` (0.5 for a
 * model not listed) is the share of prompts answered right.
 */
export function simulatedModel(skill: Readonly<Record<string, number>>): (req: Pick<ServedRequest, "model" | "prompt">) => string {
  return (req) => {
    const m = /(\d+)\s*\+\s*(\d+)\s*=/.exec(req.prompt);
    if (!m) return "I do not know";
    const sum = Number(m[1]) + Number(m[2]);
    const h = createHash("sha256").update(`${req.model}|${req.prompt}`).digest().readUInt32BE(0) / 2 ** 32;
    return String(h < (skill[req.model] ?? 0.5) ? sum : sum + 1);
  };
}
