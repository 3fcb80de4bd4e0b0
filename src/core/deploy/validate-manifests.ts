// Rendered manifests checked before they are committed: Deployment and Service against the
// Kubernetes OpenAPI schemas (the `kubernetes-models` package's generated validators); KServe's
// InferenceService against the fields of its v1beta1 CRD that we write, encoded here in zod (no
// published schema package covers KServe).
import { z } from "zod";
import { Deployment } from "kubernetes-models/apps/v1/Deployment";
import { Service } from "kubernetes-models/v1/Service";
import { DataInvalidError } from "../../errors.js";
import type { K8sObject } from "./render-kubernetes.js";

const DNS1123 = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/).max(63);
const Quantity = z.union([z.string().regex(/^[0-9]+(\.[0-9]+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?$/), z.number()]);

/** KServe serving.kserve.io/v1beta1 InferenceService: the subset of the CRD's structural schema llmops writes. */
export const InferenceServiceSchema = z.strictObject({
  apiVersion: z.literal("serving.kserve.io/v1beta1"),
  kind: z.literal("InferenceService"),
  metadata: z.strictObject({ name: DNS1123, namespace: DNS1123.optional(), annotations: z.record(z.string(), z.string()).optional(), labels: z.record(z.string(), z.string()).optional() }),
  spec: z.strictObject({
    predictor: z.strictObject({
      minReplicas: z.number().int().min(0).optional(),
      maxReplicas: z.number().int().min(0).optional(),
      model: z.strictObject({
        modelFormat: z.strictObject({ name: z.string().min(1), version: z.string().optional() }),
        runtime: z.string().optional(),
        storageUri: z.string().regex(/^(https?|hf|gs|s3|pvc|oci):\/\//).optional(),
        args: z.array(z.string()).optional(),
        env: z.array(z.strictObject({ name: z.string(), value: z.string() })).optional(),
        resources: z.strictObject({ limits: z.record(z.string(), Quantity).optional(), requests: z.record(z.string(), Quantity).optional() }).optional(),
      }),
    }),
  }),
});

export function validateKubernetesObjects(objects: readonly K8sObject[], file: string): void {
  for (const o of objects) {
    const problem = kubernetesProblem(o);
    if (problem !== null) {
      throw new DataInvalidError(`${file}: ${o.kind}/${o.metadata.name} does not validate against its schema: ${problem}`, {
        hint: "this is the rendered manifest; fix the environment in deploy/environments.yaml (or report it if the renderer is wrong)",
      });
    }
  }
}

/** What is wrong with one object by its kind's schema, or null. */
function kubernetesProblem(o: K8sObject): string | null {
  if (o.kind === "InferenceService") {
    const r = InferenceServiceSchema.safeParse(o);
    return r.success ? null : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
  }
  if (o.kind !== "Deployment" && o.kind !== "Service") return `no schema for kind ${o.kind}`;
  try {
    if (o.kind === "Deployment") new Deployment(o as ConstructorParameters<typeof Deployment>[0]).validate();
    else new Service(o as ConstructorParameters<typeof Service>[0]).validate();
    return null;
  } catch (err) {
    // kubernetes-models throws an ajv-style error listing each failure.
    const detail = (err as { errors?: Array<{ instancePath?: string; message?: string }> }).errors?.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    return detail ?? (err instanceof Error ? err.message : String(err));
  }
}
