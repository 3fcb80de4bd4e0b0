// PEFT LoRA adapters: the adapter_config.json fields export needs, and merging W + scale · B·A.
import { DataInvalidError } from "../../errors.js";

export interface LoraConfig {
  r: number;
  alpha: number;
  rsLora: boolean;
  baseModel: string | undefined;
}

export function parseLoraConfig(doc: unknown, where: string): LoraConfig {
  const d = doc as Record<string, unknown>;
  if (typeof d !== "object" || d === null) throw new DataInvalidError(`${where}: expected a JSON object`);
  if (d.peft_type !== "LORA") throw new DataInvalidError(`${where}: peft_type ${JSON.stringify(d.peft_type)} is not supported (LORA only)`);
  if (!Number.isInteger(d.r) || (d.r as number) <= 0) throw new DataInvalidError(`${where}: r must be a positive integer`);
  if (typeof d.lora_alpha !== "number") throw new DataInvalidError(`${where}: lora_alpha must be a number`);
  if (d.use_dora === true) throw new DataInvalidError(`${where}: DoRA adapters (use_dora: true) cannot be exported`);
  if (d.fan_in_fan_out === true) throw new DataInvalidError(`${where}: fan_in_fan_out: true (Conv1D layers) is not a Llama adapter`);
  if (d.bias !== undefined && d.bias !== "none") throw new DataInvalidError(`${where}: bias ${JSON.stringify(d.bias)} is not supported (bias: "none" only)`);
  if (Array.isArray(d.modules_to_save) && d.modules_to_save.length) throw new DataInvalidError(`${where}: modules_to_save is not supported by export`);
  return { r: d.r as number, alpha: d.lora_alpha, rsLora: d.use_rslora === true, baseModel: typeof d.base_model_name_or_path === "string" ? d.base_model_name_or_path : undefined };
}

export function loraScale(c: LoraConfig): number {
  return c.rsLora ? c.alpha / Math.sqrt(c.r) : c.alpha / c.r;
}

/** W [out, in] + scale · B [out, r] · A [r, in], accumulated in float64 per element, stored as float32. */
export function mergeLora(w: Float32Array, out: number, inp: number, a: Float32Array, b: Float32Array, c: LoraConfig, where: string): Float32Array {
  const r = c.r;
  if (a.length !== r * inp || b.length !== out * r) throw new DataInvalidError(`${where}: LoRA shapes A ${a.length} and B ${b.length} do not fit a [${out}, ${inp}] weight with r=${r}`);
  const scale = loraScale(c);
  const merged = new Float32Array(w.length);
  for (let i = 0; i < out; i++) {
    for (let j = 0; j < inp; j++) {
      let s = 0;
      for (let k = 0; k < r; k++) s += b[i * r + k]! * a[k * inp + j]!;
      merged[i * inp + j] = w[i * inp + j]! + scale * s;
    }
  }
  return merged;
}
