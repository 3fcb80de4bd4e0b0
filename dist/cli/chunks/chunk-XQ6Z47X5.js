#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);

// src/core/config/suggest.ts
function editDistance(a, b) {
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev = new Array(n + 1);
  let cur = new Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    for (let j = 1; j <= n; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[n];
}
function closest(name, candidates) {
  const lower = name.toLowerCase();
  let best;
  let bestDist = Infinity;
  for (const c of candidates) {
    const d = editDistance(lower, c.toLowerCase());
    if (d < bestDist) {
      best = c;
      bestDist = d;
    }
  }
  if (best === void 0) return void 0;
  const limit = Math.max(2, Math.floor(Math.max(name.length, best.length) / 3));
  return bestDist <= limit ? best : void 0;
}
function didYouMean(name, candidates) {
  const list = [...candidates];
  const c = closest(name, list);
  if (c !== void 0) return ` (did you mean "${c}"?)`;
  return list.length > 0 && list.length <= 12 ? ` (expected one of: ${list.join(", ")})` : "";
}

export {
  closest,
  didYouMean
};
