#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  VERSION
} from "./chunk-U3RUJJS6.js";
import {
  DataInvalidError,
  InternalError
} from "./chunk-LXVW643N.js";

// src/core/contracts/format.ts
function tagOf(kind, version) {
  return `llmops.${kind}/v${version}`;
}
var TAG = /^llmops\.([a-z0-9-.]+)\/v?(\d+)$/;
function defineFormat(def) {
  const tag = tagOf(def.kind, def.version);
  const fail = (where, message, hint = def.hint) => new DataInvalidError(`${where}: ${message}`, { hint });
  function validate(schema, value, where) {
    const r = schema.safeParse(value);
    if (r.success) return r.data;
    const issues = r.error.issues.slice(0, 3).map((i) => `${i.path.map(String).join(".") || "(top level)"}: ${i.message}`);
    const more = r.error.issues.length > 3 ? ` (+${r.error.issues.length - 3} more)` : "";
    throw fail(where, `not a valid ${tag} document \u2014 ${issues.join("; ")}${more}`);
  }
  function parseValue(value, where) {
    if (typeof value !== "object" || value === null || Array.isArray(value)) throw fail(where, `expected a JSON object (${def.title})`);
    const written = value.schema;
    if (written === void 0 && def.untagged) return def.untagged.upgrade(validate(def.untagged.schema, value, where));
    if (typeof written !== "string") throw fail(where, `not an llmops ${def.kind} document: no "schema" field (expected "${tag}")`);
    if (written === tag) return validate(def.schema, def.repair ? def.repair(value) : value, where);
    for (const p of def.previous ?? []) {
      if (written === (p.tag ?? tagOf(def.kind, p.version))) return p.upgrade(validate(p.schema, value, where));
    }
    const m = TAG.exec(written);
    const sameKind = m && (m[1] === def.kind || (def.previous ?? []).some((p) => p.tag?.startsWith(`llmops.${m[1]}/`)));
    if (m && sameKind && Number(m[2]) > def.version) {
      const by = writerVersion(value);
      throw fail(
        where,
        `written by ${by ? `llmops ${by}` : "a newer llmops"} as ${written}; this is llmops ${VERSION}, which reads ${readable(def)}: upgrade llmops`,
        `install a newer llmops (npm install -g llmops@latest, or the newer action ref) to read it`
      );
    }
    throw fail(where, `is ${JSON.stringify(written)}, not ${readable(def)} (${def.title})`);
  }
  return {
    ...def,
    tag,
    parseValue,
    parse(text, where) {
      let value;
      try {
        value = JSON.parse(text);
      } catch (err) {
        throw fail(where, `not valid JSON (${err.message})`);
      }
      return parseValue(value, where);
    },
    serialize(doc) {
      const json = JSON.parse(JSON.stringify(doc));
      const value = def.repair ? def.repair(json) : json;
      const r = def.schema.safeParse(value);
      if (!r.success) {
        const i = r.error.issues[0];
        throw new InternalError(`llmops built an invalid ${tag} document: ${i.path.map(String).join(".") || "(top level)"}: ${i.message}`);
      }
      return def.lines ? `${JSON.stringify(value)}
` : `${JSON.stringify(value, null, 2)}
`;
    }
  };
}
function readable(def) {
  const older = (def.previous ?? []).map((p) => p.tag ?? tagOf(def.kind, p.version));
  return [tagOf(def.kind, def.version), ...older].join(" or ");
}
function writerVersion(value) {
  const v = value;
  const s = v.llmops_version ?? v.provenance?.llmops_version;
  return typeof s === "string" && /^[0-9A-Za-z.+-]{1,40}$/.test(s) ? s : void 0;
}

export {
  defineFormat
};
