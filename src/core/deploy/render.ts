// Render an environment's desired state for a promoted artifact: the manifest file's text, validated.
import type { EnvironmentSpec } from "./environments.js";
import { servedNames, type DeployArtifact } from "./model-ref.js";
import { renderCompose } from "./render-compose.js";
import { kserveObject, kubernetesObjects, renderKubernetesYaml } from "./render-kubernetes.js";
import { renderModelfile } from "./render-modelfile.js";
import { validateKubernetesObjects } from "./validate-manifests.js";

export function renderDeployment(a: DeployArtifact, env: EnvironmentSpec): string {
  const header = `Rendered by llmops for ${servedNames(a).versioned} (${a.sha256}, commit ${a.commit}); change deploy/environments.yaml, not this file.`;
  switch (env.target) {
    case "vllm":
      return renderCompose(a, env, "vllm");
    case "tgi":
      return renderCompose(a, env, "tgi");
    case "ollama":
      return renderModelfile(a, env);
    case "kubernetes": {
      const objects = kubernetesObjects(a, env);
      validateKubernetesObjects(objects, env.manifest);
      return renderKubernetesYaml(objects, header);
    }
    case "kserve": {
      const o = kserveObject(a, env);
      validateKubernetesObjects([o], env.manifest);
      return renderKubernetesYaml([o], header);
    }
  }
}
