import { describe, expect, it } from "vitest";
import { createRng } from "./prng.js";
import { cohenKappa, kappaBootstrap, observedAgreement } from "./kappa.js";

/** Expand a k×k table (rows: rater A, columns: rater B) into paired ratings. */
function fromTable(table: number[][]): [number[], number[]] {
  const a: number[] = [];
  const b: number[] = [];
  table.forEach((row, i) => row.forEach((count, j) => {
    for (let t = 0; t < count; t++) {
      a.push(i);
      b.push(j);
    }
  }));
  return [a, b];
}

describe("Cohen's kappa: published worked examples", () => {
  // Cohen's kappa article (Wikipedia), "Simple example": 50 proposals, two readers; po = 0.7, pe = 0.5.
  // The two "same agreement, different kappa" tables of the same article (the kappa paradox).
  it.each([
    ["simple example (20, 5 / 10, 15)", [[20, 5], [10, 15]], 0.4, 0.7],
    ["paradox, first table (45, 15 / 25, 15)", [[45, 15], [25, 15]], 0.1304, 0.6],
    ["paradox, second table (25, 35 / 5, 35)", [[25, 35], [5, 35]], 0.2593, 0.6],
  ])("%s", (_name, table, kappa, po) => {
    const [a, b] = fromTable(table);
    expect(cohenKappa(a, b, 2, "none")).toBeCloseTo(kappa, 4);
    expect(observedAgreement(a, b)).toBeCloseTo(po, 12);
    // With two categories quadratic weights are the unweighted ones.
    expect(cohenKappa(a, b, 2, "quadratic")).toBeCloseTo(cohenKappa(a, b, 2, "none")!, 12);
  });

  it("is 1 for perfect agreement, undefined when chance agreement is perfect, negative below chance", () => {
    expect(cohenKappa([0, 1, 2, 2], [0, 1, 2, 2], 3, "quadratic")).toBe(1);
    expect(cohenKappa([1, 1, 1], [1, 1, 1], 3, "none")).toBeNull();
    expect(cohenKappa([0, 1, 0, 1], [1, 0, 1, 0], 2, "none")).toBeCloseTo(-1, 12);
    expect(cohenKappa([], [], 3, "none")).toBeNull();
  });

  // Quadratic-weighted kappa equals 2·s_xy / (s_x² + s_y² + (x̄ − ȳ)²) with moments over the items
  // (Fleiss & Cohen 1973; Schuster 2004): an independent formula, checked on random ratings.
  it("quadratic weights agree with the moment formula on 300 random rating sets", () => {
    const rng = createRng(7);
    for (let rep = 0; rep < 300; rep++) {
      const k = 2 + rng.int(6);
      const n = 2 + rng.int(60);
      const a = Array.from({ length: n }, () => rng.int(k));
      const b = a.map((x) => (rng.next() < 0.6 ? x : rng.int(k)));
      const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
      const ma = mean(a);
      const mb = mean(b);
      const sxy = mean(a.map((x, i) => (x - ma) * (b[i]! - mb)));
      const sx = mean(a.map((x) => (x - ma) ** 2));
      const sy = mean(b.map((y) => (y - mb) ** 2));
      const denom = sx + sy + (ma - mb) ** 2;
      const kq = cohenKappa(a, b, k, "quadratic");
      if (denom === 0) expect(kq).toBeNull();
      else expect(kq).toBeCloseTo((2 * sxy) / denom, 10);
    }
  });
});

describe("kappa bootstrap interval", () => {
  it("holds the estimate, is reproducible from its seed, and narrows with more items", () => {
    const [a, b] = fromTable([[20, 5], [10, 15]]);
    const r1 = kappaBootstrap(a, b, 2, "none", 2000, 1);
    expect(r1).toEqual(kappaBootstrap(a, b, 2, "none", 2000, 1));
    expect(r1.ci![0]).toBeLessThan(0.4);
    expect(r1.ci![1]).toBeGreaterThan(0.4);
    const [a4, b4] = fromTable([[80, 20], [40, 60]]);
    const r4 = kappaBootstrap(a4, b4, 2, "none", 2000, 1);
    expect(r4.ci![1] - r4.ci![0]).toBeLessThan(r1.ci![1] - r1.ci![0]);
    expect(kappaBootstrap([1], [1], 2, "none").ci).toBeNull();
  });
});
