// Snapshot tests of every deploy target, and the schema checks catching what they should.
import { describe, expect, test } from "vitest";
import { parseStorageUri } from "../registry/storage.js";
import { EnvironmentSchema, parseEnvironments } from "./environments.js";
import type { DeployArtifact } from "./model-ref.js";
import { renderDeployment } from "./render.js";
import { kubernetesObjects } from "./render-kubernetes.js";
import { maxLoraRank, vllmArgs } from "./server-args.js";
import { validateKubernetesObjects } from "./validate-manifests.js";

const sha = `sha256:${"ab".repeat(32)}`;
const commit = "c0ffee".padEnd(40, "0");
const art = (uri: string, more: Partial<DeployArtifact> = {}): DeployArtifact => ({
  name: "demo-model",
  type: "model",
  version: "v0.1.0",
  uri,
  storage: parseStorageUri(uri),
  sha256: sha,
  commit,
  baseModel: null,
  loraRank: null,
  gguf: false,
  repository: "octo-org/llm-app",
  ...more,
});
const env = (o: Record<string, unknown>) => EnvironmentSchema.parse({ manifest: "deploy/prod/demo-model.yaml", ...o });

const gguf = art("models/demo-model.gguf");
const hub = art("hf://octo-org/tiny-llama@0123456789abcdef0123456789abcdef01234567");
const adapter = art("https://github.com/octo-org/llm-app/releases/download/demo-adapter%40v0.2.0/adapter.safetensors", {
  name: "demo-adapter",
  type: "adapter",
  version: "v0.2.0",
  baseModel: "hf://meta-llama/Llama-3.2-1B@4e20de362430cd3b72f300e6b0f18e50e7166e08",
  loraRank: 24,
});

describe("deploy renderers (snapshots)", () => {
  test.each([
    ["vllm-hub.yaml", hub, { target: "vllm", max_model_len: 4096 }],
    ["vllm-adapter.yaml", adapter, { target: "vllm" }],
    ["tgi-hub.yaml", hub, { target: "tgi" }],
    ["ollama.Modelfile", gguf, { target: "ollama", parameters: { temperature: 0, stop: ["</s>"] }, system: "You add numbers." }],
    ["kubernetes-gguf.yaml", gguf, { target: "kubernetes", namespace: "llm", replicas: 2 }],
    ["kubernetes-adapter.yaml", adapter, { target: "kubernetes" }],
    ["kserve-hub.yaml", hub, { target: "kserve" }],
  ])("%s", async (file, a, e) => {
    await expect(renderDeployment(a, env(e))).toMatchFileSnapshot(`__snapshots__/${file}`);
  });

  test("vLLM adapters: --enable-lora with the smallest allowed --max-lora-rank ≥ r", () => {
    const args = vllmArgs(adapter, env({ target: "vllm" }));
    expect(args).toEqual(expect.arrayContaining(["--enable-lora", "--max-lora-rank", "32", "--lora-modules", "demo-adapter=/models/adapter.safetensors", "demo-adapter:v0.2.0=/models/adapter.safetensors"]));
    expect(args.slice(0, 4)).toEqual(["--model", "meta-llama/Llama-3.2-1B", "--revision", "4e20de362430cd3b72f300e6b0f18e50e7166e08"]);
    expect([1, 8, 9, 16, 17, 64, 300, 512, 999].map(maxLoraRank)).toEqual([1, 8, 16, 16, 32, 64, 320, 512, 512]);
  });

  test("a repo-path model is fetched from its release asset and checked by sha256 before the server starts", () => {
    const [deployment] = kubernetesObjects(gguf, env({ target: "kubernetes" }));
    const init = (deployment as any).spec.template.spec.initContainers[0];
    expect(init.command.slice(3)).toEqual(["fetch-weights", "https://github.com/octo-org/llm-app/releases/download/demo-model%40v0.1.0/demo-model.gguf", "/models/demo-model.gguf", "ab".repeat(32)]);
  });
});

describe("manifest validation", () => {
  test("the Kubernetes schemas reject a malformed Deployment", () => {
    const [d] = kubernetesObjects(gguf, env({ target: "kubernetes" }));
    (d as any).spec.template.spec.containers[0].ports[0].containerPort = "eight thousand";
    expect(() => validateKubernetesObjects([d!], "deploy/prod.yaml")).toThrow(/Deployment\/demo-model does not validate.*containerPort must be integer/);
  });

  test("the KServe schema rejects an unknown predictor field", () => {
    const o = { apiVersion: "serving.kserve.io/v1beta1", kind: "InferenceService", metadata: { name: "m" }, spec: { predictor: { model: { modelFormat: { name: "huggingface" }, storageUri: "ftp://x" } } } };
    expect(() => validateKubernetesObjects([o], "f.yaml")).toThrow(/storageUri/);
  });

  test("Ollama refuses non-GGUF weights and triple quotes in SYSTEM", () => {
    expect(() => renderDeployment(hub, env({ target: "ollama" }))).toThrow(/Ollama needs GGUF weights/);
    expect(() => renderDeployment(gguf, env({ target: "ollama", system: 'a """ b' }))).toThrow(/contains """/);
  });

  test("environments.yaml errors name file:line:col", () => {
    expect(() => parseEnvironments("environments:\n  prod:\n    target: vlm\n    manifest: x.yaml\n")).toThrow(/deploy\/environments\.yaml:3:13/);
  });
});
