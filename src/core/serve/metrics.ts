// Serving metrics in Prometheus text format under vLLM's metric names, so dashboards, rollouts and
// monitors read `llmops serve`, vLLM and TGI alike.

const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.02, 0.04, 0.06, 0.08, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 20, 40, 80];

class Histogram {
  readonly counts = new Array<number>(LATENCY_BUCKETS.length).fill(0);
  sum = 0;
  count = 0;
  observe(v: number): void {
    this.sum += v;
    this.count++;
    for (let i = 0; i < LATENCY_BUCKETS.length; i++) if (v <= LATENCY_BUCKETS[i]!) this.counts[i]!++;
  }
}

export type FinishReason = "stop" | "length" | "abort";

export class ServeMetrics {
  running = 0;
  waiting = 0;
  promptTokens = 0;
  generationTokens = 0;
  readonly success: Record<FinishReason, number> = { stop: 0, length: 0, abort: 0 };
  readonly rejected: Record<string, number> = {};
  readonly ttft = new Histogram();
  readonly e2e = new Histogram();
  constructor(readonly modelName: string) {}

  reject(reason: string): void {
    this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
  }
}

function escapeLabel(v: string): string {
  return v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

export function renderPrometheus(m: ServeMetrics): string {
  const l = `model_name="${escapeLabel(m.modelName)}"`;
  const lines: string[] = [];
  const scalar = (name: string, type: string, help: string, v: number) => lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} ${type}`, `${name}{${l}} ${v}`);
  const hist = (name: string, help: string, h: Histogram) => {
    lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
    LATENCY_BUCKETS.forEach((b, i) => lines.push(`${name}_bucket{${l},le="${b}"} ${h.counts[i]}`));
    lines.push(`${name}_bucket{${l},le="+Inf"} ${h.count}`, `${name}_sum{${l}} ${h.sum}`, `${name}_count{${l}} ${h.count}`);
  };
  scalar("vllm:num_requests_running", "gauge", "Number of requests currently generating.", m.running);
  scalar("vllm:num_requests_waiting", "gauge", "Number of requests waiting for a slot.", m.waiting);
  scalar("vllm:prompt_tokens_total", "counter", "Number of prefill tokens processed.", m.promptTokens);
  scalar("vllm:generation_tokens_total", "counter", "Number of generation tokens processed.", m.generationTokens);
  lines.push("# HELP vllm:request_success_total Count of finished requests by finish reason.", "# TYPE vllm:request_success_total counter");
  for (const [reason, v] of Object.entries(m.success)) lines.push(`vllm:request_success_total{${l},finished_reason="${reason}"} ${v}`);
  hist("vllm:time_to_first_token_seconds", "Histogram of time to first token in seconds.", m.ttft);
  hist("vllm:e2e_request_latency_seconds", "Histogram of end to end request latency in seconds.", m.e2e);
  lines.push("# HELP llmops_serve_requests_rejected_total Requests refused before generation, by reason.", "# TYPE llmops_serve_requests_rejected_total counter");
  for (const reason of ["queue_full", "too_long", "bad_request", "unauthorized", "draining"]) lines.push(`llmops_serve_requests_rejected_total{${l},reason="${reason}"} ${m.rejected[reason] ?? 0}`);
  return `${lines.join("\n")}\n`;
}
