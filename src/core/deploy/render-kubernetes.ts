// Kubernetes desired state for a GitOps controller (Argo CD, Flux): a vLLM Deployment + Service, or a
// KServe InferenceService. Weights are fetched by an init container that checks their sha256.
import { stringify } from "yaml";
import { DEFAULT_IMAGES, provenanceLabels } from "./render-compose.js";
import type { EnvironmentSpec } from "./environments.js";
import { k8sName, weightsSource, type DeployArtifact } from "./model-ref.js";
import { fetchCommand, MODELS_DIR, vllmArgs } from "./server-args.js";

export type K8sObject = Record<string, unknown> & { apiVersion: string; kind: string; metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> } };

export function kubernetesObjects(a: DeployArtifact, env: EnvironmentSpec): K8sObject[] {
  const name = k8sName(a);
  const port = env.port ?? 8000;
  const labels = { "app.kubernetes.io/name": name, "app.kubernetes.io/managed-by": "llmops" };
  const fetch = fetchCommand(a);
  const gpu = env.gpus > 0 ? { limits: { "nvidia.com/gpu": String(env.gpus) } } : {};
  const deployment: K8sObject = {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name, namespace: env.namespace, labels, annotations: provenanceLabels(a) },
    spec: {
      replicas: env.replicas,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels, annotations: provenanceLabels(a) },
        spec: {
          ...(fetch ? { initContainers: [{ name: "fetch-weights", image: DEFAULT_IMAGES.curl, command: fetch, volumeMounts: [{ name: "models", mountPath: MODELS_DIR }] }] } : {}),
          containers: [
            {
              name: "vllm",
              image: env.image ?? DEFAULT_IMAGES.vllm,
              args: vllmArgs(a, env),
              ports: [{ name: "http", containerPort: port }],
              readinessProbe: { httpGet: { path: "/health", port: "http" }, periodSeconds: 10, failureThreshold: 60 },
              livenessProbe: { httpGet: { path: "/health", port: "http" }, initialDelaySeconds: 600, periodSeconds: 30 },
              resources: gpu,
              volumeMounts: [{ name: "models", mountPath: MODELS_DIR }, { name: "shm", mountPath: "/dev/shm" }],
            },
          ],
          volumes: [
            { name: "models", emptyDir: {} },
            { name: "shm", emptyDir: { medium: "Memory", sizeLimit: "2Gi" } },
          ],
        },
      },
    },
  };
  const service: K8sObject = {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: env.namespace, labels, annotations: provenanceLabels(a) },
    spec: { selector: labels, ports: [{ name: "http", port, targetPort: "http", protocol: "TCP" }], type: "ClusterIP" },
  };
  return [deployment, service];
}

export function kserveObject(a: DeployArtifact, env: EnvironmentSpec): K8sObject {
  const name = k8sName(a);
  const w = weightsSource(a);
  const args = [`--model_name=${name}`];
  let storageUri: string | undefined;
  if (w.kind === "hub" && !w.file) args.push(`--model_id=${w.repo}`, `--model_revision=${w.revision}`);
  else storageUri = w.kind === "url" ? w.url : `https://huggingface.co/${w.repo}/resolve/${w.revision}/${w.file}`;
  return {
    apiVersion: "serving.kserve.io/v1beta1",
    kind: "InferenceService",
    metadata: { name, namespace: env.namespace, annotations: provenanceLabels(a) },
    spec: {
      predictor: {
        minReplicas: env.replicas,
        model: {
          modelFormat: { name: "huggingface" },
          ...(storageUri ? { storageUri } : {}),
          args,
          resources: env.gpus > 0 ? { limits: { "nvidia.com/gpu": String(env.gpus) }, requests: { "nvidia.com/gpu": String(env.gpus) } } : {},
        },
      },
    },
  };
}

export function renderKubernetesYaml(objects: readonly K8sObject[], header: string): string {
  return `# ${header}\n` + objects.map((o) => stringify(o, { lineWidth: 0, aliasDuplicateObjects: false })).join("---\n");
}
