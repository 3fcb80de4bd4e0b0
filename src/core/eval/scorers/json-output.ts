// Parsing a model's output as JSON, optionally from a fenced ```json block, for the json_* scorers.

const FENCE = /```[ \t]*(?:json5?|jsonc|JSON)?[ \t]*\r?\n?([\s\S]*?)\r?\n?```/;

export type ParsedOutput = { ok: true; value: unknown; source: "whole" | "fenced" } | { ok: false; error: string };

/**
 * Parse `output` as JSON. With `fenced`, the first ``` block (```json or bare ```) is parsed
 * when there is one, else the whole output.
 */
export function parseJsonOutput(output: string, fenced: boolean): ParsedOutput {
  let text = output;
  let source: "whole" | "fenced" = "whole";
  if (fenced) {
    const m = FENCE.exec(output);
    if (m) {
      text = m[1] as string;
      source = "fenced";
    }
  }
  try {
    return { ok: true, value: JSON.parse(text), source };
  } catch (e) {
    return { ok: false, error: `${source === "fenced" ? "fenced block" : "output"} is not JSON: ${(e as Error).message}` };
  }
}
