// Docker Compose files for a vLLM or TGI server: a one-shot service fetches the weights and checks
// their sha256, then the server starts on them with its health check.
import { stringify } from "yaml";
import type { EnvironmentSpec } from "./environments.js";
import { k8sName, servedNames, type DeployArtifact } from "./model-ref.js";
import { fetchCommand, MODELS_DIR, tgiArgs, vllmArgs } from "./server-args.js";

export const DEFAULT_IMAGES = {
  vllm: "vllm/vllm-openai:v0.8.5",
  tgi: "ghcr.io/huggingface/text-generation-inference:3.3.0",
  curl: "curlimages/curl:8.13.0",
} as const;

export function provenanceLabels(a: DeployArtifact): Record<string, string> {
  return {
    "llmops.dev/artifact": a.name,
    "llmops.dev/version": a.version,
    "llmops.dev/sha256": a.sha256.replace(/^sha256:/, ""),
    "llmops.dev/commit": a.commit,
  };
}

export function renderCompose(a: DeployArtifact, env: EnvironmentSpec, server: "vllm" | "tgi"): string {
  const name = k8sName(a);
  const port = env.port ?? (server === "vllm" ? 8000 : 80);
  const fetch = fetchCommand(a);
  const tgi = server === "tgi" ? tgiArgs(a, env) : null;
  const service: Record<string, unknown> = {
    image: env.image ?? DEFAULT_IMAGES[server],
    command: server === "vllm" ? vllmArgs(a, env) : tgi!.args,
    ports: [`${port}:${port}`],
    labels: provenanceLabels(a),
    volumes: [`models:${MODELS_DIR}`],
    ...(tgi && Object.keys(tgi.env).length ? { environment: tgi.env } : {}),
    healthcheck: { test: ["CMD", "curl", "-fsS", `http://localhost:${port}/health`], interval: "10s", timeout: "5s", retries: 60 },
    ...(env.gpus > 0 ? { deploy: { resources: { reservations: { devices: [{ driver: "nvidia", count: env.gpus, capabilities: ["gpu"] }] } } } } : {}),
    ...(fetch ? { depends_on: { "fetch-weights": { condition: "service_completed_successfully" } } } : {}),
    ...(server === "vllm" ? { ipc: "host" } : { shm_size: "1g" }),
  };
  const services: Record<string, unknown> = {};
  if (fetch) services["fetch-weights"] = { image: DEFAULT_IMAGES.curl, entrypoint: fetch, volumes: [`models:${MODELS_DIR}`], user: "0" };
  services[name] = service;
  const header = `# Rendered by llmops for ${servedNames(a).versioned} (${a.sha256}); edit deploy/environments.yaml, not this file.\n`;
  return header + stringify({ name, services, volumes: { models: {} } }, { lineWidth: 0, aliasDuplicateObjects: false });
}
