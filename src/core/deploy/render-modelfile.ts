// An Ollama Modelfile (FROM, ADAPTER, PARAMETER, TEMPLATE, SYSTEM). Weights are GGUF files next to
// it; the promotion runs `ollama create name:version -f Modelfile`.
import { InputError } from "../../errors.js";
import type { EnvironmentSpec } from "./environments.js";
import { servedNames, weightsSource, type DeployArtifact } from "./model-ref.js";

const PARAMETERS = new Set(["num_ctx", "temperature", "top_k", "top_p", "min_p", "seed", "stop", "num_predict", "repeat_penalty", "repeat_last_n"]);

function block(kind: string, text: string): string {
  if (text.includes('"""')) throw new InputError(`deploy/environments.yaml: ${kind.toLowerCase()} contains """, which would end the Modelfile block early`, { hint: `remove the triple quote from ${kind.toLowerCase()}` });
  return `${kind} """${text}"""`;
}

function gguf(a: DeployArtifact): string {
  const w = weightsSource(a);
  const file = w.kind === "url" ? w.file : (w.file ?? "");
  if (!/\.gguf$/i.test(file)) throw new InputError(`${a.name} ${a.version}: Ollama needs GGUF weights, found ${file || a.uri}`, { hint: "set gguf: true on the environment so the promotion exports to GGUF first, or register the .gguf file" });
  return `./${file}`;
}

export function renderModelfile(a: DeployArtifact, env: EnvironmentSpec): string {
  const lines = [`# ${servedNames(a).versioned} ${a.sha256} (commit ${a.commit}); create with: ollama create ${servedNames(a).versioned} -f Modelfile`];
  if (a.type === "adapter") {
    if (!a.baseModel) throw new InputError(`${a.name}: an adapter needs custom.base_model in artifacts.yaml`, { hint: "name the base model (an Ollama model name:tag or a GGUF path)" });
    lines.push(`FROM ${a.baseModel}`, `ADAPTER ${gguf(a)}`);
  } else {
    lines.push(`FROM ${gguf(a)}`);
  }
  for (const [k, v] of Object.entries(env.parameters).sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (!PARAMETERS.has(k)) throw new InputError(`deploy/environments.yaml: unknown Ollama parameter "${k}"`, { hint: `one of: ${[...PARAMETERS].join(", ")}` });
    for (const one of Array.isArray(v) ? v : [v]) {
      const text = String(one);
      if (/[\r\n]/.test(text)) throw new InputError(`deploy/environments.yaml: parameter ${k} spans lines`);
      lines.push(`PARAMETER ${k} ${k === "stop" ? JSON.stringify(text) : text}`);
    }
  }
  if (env.template !== undefined) lines.push(block("TEMPLATE", env.template));
  if (env.system !== undefined) lines.push(block("SYSTEM", env.system));
  return `${lines.join("\n")}\n`;
}
