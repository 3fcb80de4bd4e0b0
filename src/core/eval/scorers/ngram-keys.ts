// N-grams as numbers: each symbol (character or token) gets a small id, and an n-gram's key is its
// ids read as a number in base `radix` (exact while radix^maxOrder < 2^53). Sorted arrays of keys
// are matched by merging, which avoids hashing strings: several times faster than maps for
// sentence-sized inputs. Callers fall back to string keys when the alphabet is too large.

/** Whether keys of up to `maxOrder` symbols from an alphabet of `size` stay exact doubles. */
export function numericKeysFit(size: number, maxOrder: number): boolean {
  return (size + 1) ** maxOrder < Number.MAX_SAFE_INTEGER;
}

/** Per order 1..maxOrder, the sorted keys of all n-grams of `ids` (duplicates kept). */
export function sortedNgramKeys(ids: ArrayLike<number>, radix: number, maxOrder: number): Float64Array[] {
  const all: Float64Array[] = [];
  for (let n = 1; n <= maxOrder; n++) all.push(new Float64Array(Math.max(ids.length - n + 1, 0)));
  for (let i = 0; i < ids.length; i++) {
    let key = 0;
    const last = Math.min(maxOrder, ids.length - i);
    for (let n = 1; n <= last; n++) {
      key = key * radix + (ids[i + n - 1] as number);
      (all[n - 1] as Float64Array)[i] = key;
    }
  }
  for (const keys of all) keys.sort();
  return all;
}

/** Σ over distinct keys of min(count in a, count in b), for two sorted key arrays. */
export function sortedOverlap(a: Float64Array, b: Float64Array): number {
  let match = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x < y) i++;
    else if (x > y) j++;
    else {
      let ca = 0;
      let cb = 0;
      while (i < a.length && a[i] === x) (i++, ca++);
      while (j < b.length && b[j] === y) (j++, cb++);
      match += ca < cb ? ca : cb;
    }
  }
  return match;
}

/** Element-wise max of counts over several sorted key arrays, as a sorted key array. */
export function sortedMaxCounts(arrays: readonly Float64Array[]): Float64Array {
  if (arrays.length === 1) return arrays[0] as Float64Array;
  const max = new Map<number, number>();
  for (const keys of arrays) {
    for (let i = 0; i < keys.length; ) {
      const k = keys[i] as number;
      let c = 0;
      while (i < keys.length && keys[i] === k) (i++, c++);
      if (c > (max.get(k) ?? 0)) max.set(k, c);
    }
  }
  let total = 0;
  for (const c of max.values()) total += c;
  const out = new Float64Array(total);
  let p = 0;
  for (const [k, c] of max) for (let r = 0; r < c; r++) out[p++] = k;
  return out.sort();
}
