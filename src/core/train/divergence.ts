// Fail fast: a NaN/∞ loss stops the run at once; a loss that stays above factor × its running
// minimum for `window` consecutive logged steps is divergence. Both name the step.

export interface Divergence {
  step: number;
  reason: string;
}

export class DivergenceDetector {
  private min = Number.POSITIVE_INFINITY;
  private above = 0;
  private firstAbove = 0;
  constructor(
    private readonly factor: number,
    private readonly window: number,
  ) {}

  observe(step: number, loss: number): Divergence | undefined {
    if (!Number.isFinite(loss)) {
      return { step, reason: `loss became ${Number.isNaN(loss) ? "NaN" : loss > 0 ? "+∞" : "-∞"} at step ${step}` };
    }
    if (loss < this.min) this.min = loss;
    if (loss > this.factor * this.min) {
      if (this.above === 0) this.firstAbove = step;
      this.above++;
      if (this.above >= this.window) {
        return {
          step: this.firstAbove,
          reason: `loss diverged at step ${this.firstAbove}: above ${this.factor}× its minimum ${fmt(this.min)} for ${this.window} logged steps (now ${fmt(loss)} at step ${step})`,
        };
      }
    } else {
      this.above = 0;
    }
    return undefined;
  }
}

function fmt(n: number): string {
  return Number(n.toPrecision(4)).toString();
}
