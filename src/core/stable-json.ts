// Canonical JSON for content hashes: object keys sorted (by code unit) at every level, undefined
// members dropped, BigInt written as its digits. Equal values give equal text whatever their key order.
// One function for every content hash: data records, training specs, eval cache keys, case ids.
export function stableStringify(v: unknown): string {
  if (typeof v === "bigint") return v.toString();
  if (v === null || typeof v !== "object") return JSON.stringify(v) ?? "null";
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(",")}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .filter((k) => o[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
    .join(",")}}`;
}
