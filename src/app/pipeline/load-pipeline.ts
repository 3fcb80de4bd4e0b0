// Read a pipeline file (and its params file) from the workspace into a checked Pipeline.
import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { parseYamlSource } from "../../core/config/index.js";
import { parsePipelineConfig, resolvePipeline, type Pipeline } from "../../core/pipeline/index.js";
import { ConfigError, InputError } from "../../errors.js";
import { suiteFiles } from "./suite-files.js";

/** `main` → pipelines/main.yaml; a path is taken as it is. */
export function pipelinePathFor(arg: string | undefined, root: string, cwd: string): string {
  const a = arg ?? "main";
  if (!a.includes("/") && !/\.ya?ml$/.test(a)) return join(root, "pipelines", `${a}.yaml`);
  return isAbsolute(a) ? a : resolve(cwd, a);
}

export function loadPipeline(file: string, root: string): Pipeline {
  if (!existsSync(file)) {
    throw new InputError(`pipeline file not found: ${file}`, { hint: "name a pipeline under pipelines/ (llmops run main → pipelines/main.yaml) or a path; `llmops init` writes a starter" });
  }
  const display = relative(root, file) || file;
  const text = readFileSync(file, "utf8");
  const doc = parseYamlSource(text, display);
  const config = parsePipelineConfig(doc);
  let fileParams;
  if (config.params_file) {
    const pf = join(root, config.params_file);
    if (!existsSync(pf)) {
      const at = doc.locate(["params_file"]);
      throw new ConfigError(`${display}:${at.line}:${at.col}: params_file: ${config.params_file} does not exist`, { hint: "paths in a pipeline are relative to the repository root" });
    }
    fileParams = { doc: parseYamlSource(readFileSync(pf, "utf8"), config.params_file) };
  }
  return resolvePipeline(doc, config, text, fileParams, { suiteFiles: (suite) => suiteFiles(suite, root) });
}
