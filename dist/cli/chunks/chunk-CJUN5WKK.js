#!/usr/bin/env node
import { createRequire as __llmopsCreateRequire } from 'node:module';
const require = __llmopsCreateRequire(import.meta.url);
import {
  ExternalError,
  InputError
} from "./chunk-LXVW643N.js";

// src/adapters/git/git-cli.ts
import { spawn } from "node:child_process";
function gitEnv(extra) {
  const env = {};
  for (const k of ["PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_NOSYSTEM", "XDG_CONFIG_HOME", "SSH_AUTH_SOCK", "GIT_SSH_COMMAND"]) {
    if (process.env[k] !== void 0) env[k] = process.env[k];
  }
  return { ...env, GIT_TERMINAL_PROMPT: "0", GIT_PAGER: "cat", GIT_EDITOR: "true", ...extra };
}
var GitCli = class {
  constructor(cwd, identity = { name: "llmops", email: "llmops@users.noreply.github.com" }) {
    this.cwd = cwd;
    this.identity = identity;
  }
  cwd;
  identity;
  run(args, opts = {}) {
    return new Promise((resolve, reject) => {
      const child = spawn("git", args, {
        cwd: this.cwd,
        env: gitEnv({
          GIT_AUTHOR_NAME: this.identity.name,
          GIT_AUTHOR_EMAIL: this.identity.email,
          GIT_COMMITTER_NAME: this.identity.name,
          GIT_COMMITTER_EMAIL: this.identity.email,
          ...opts.env
        }),
        stdio: ["pipe", "pipe", "pipe"]
      });
      const out = [];
      let err = "";
      child.stdout.on("data", (d) => out.push(d));
      child.stderr.on("data", (d) => err += d.toString());
      child.on("error", (e) => reject(new ExternalError(`could not run git: ${e.message}`, { hint: "install git and make sure it is on PATH" })));
      child.on("close", (code) => {
        const r = { code: code ?? 128, stdout: Buffer.concat(out), stderr: err };
        if (r.code !== 0 && !opts.allowFail) {
          reject(new ExternalError(`git ${args.filter((a) => a !== "--end-of-options").slice(0, 3).join(" ")} failed in ${this.cwd}: ${err.trim().split("\n").slice(-3).join(" ") || `exit ${r.code}`}`));
        } else resolve(r);
      });
      child.stdin.on("error", () => {
      });
      child.stdin.end(opts.input ?? "");
    });
  }
  async text(args) {
    return (await this.run(args)).stdout.toString("utf8");
  }
  async listTags() {
    const fmt = ["%(refname:strip=2)", "%(objecttype)", "%(objectname)", "%(*objectname)", "%(*objecttype)", "%(committerdate:iso-strict)", "%(*committerdate:iso-strict)"].join("%00");
    const raw = await this.text(["for-each-ref", `--format=${fmt}`, "refs/tags"]);
    const rows = raw.split("\n").filter(Boolean).map((l) => l.split("\0"));
    const tagObjects = rows.filter((r) => r[1] === "tag").map((r) => r[2]);
    const bodies = await this.catFileBatch(tagObjects);
    const out = [];
    for (const [name, type, sha, peeled, peeledType, date, peeledDate] of rows) {
      if (type === "commit") {
        out.push({ tag: name, annotated: false, commit: sha, createdAt: iso(date), commitDate: iso(date), author: null, message: "" });
      } else if (type === "tag" && peeledType === "commit") {
        const t = parseTagObject(bodies.get(sha) ?? "");
        out.push({ tag: name, annotated: true, commit: peeled, createdAt: t.date ?? iso(peeledDate), commitDate: iso(peeledDate), author: t.tagger, message: t.message });
      }
    }
    return out;
  }
  async catFileBatch(shas) {
    const map = /* @__PURE__ */ new Map();
    if (shas.length === 0) return map;
    const buf = (await this.run(["cat-file", "--batch"], { input: shas.join("\n") + "\n" })).stdout;
    let at = 0;
    for (const sha of shas) {
      const nl = buf.indexOf(10, at);
      const header = buf.subarray(at, nl).toString("utf8").split(" ");
      const size = Number(header[2]);
      map.set(sha, buf.subarray(nl + 1, nl + 1 + size).toString("utf8"));
      at = nl + 1 + size + 1;
    }
    return map;
  }
  async resolveCommit(rev) {
    const r = await this.run(["rev-parse", "--verify", "--quiet", "--end-of-options", `${rev}^{commit}`], { allowFail: true });
    if (r.code !== 0) throw new InputError(`"${rev}" does not name a commit in ${this.cwd}`, { hint: "pass a branch, tag or commit SHA that exists (fetch it first in a shallow clone)" });
    return r.stdout.toString().trim();
  }
  async commitDate(commit) {
    return iso((await this.text(["log", "-1", "--format=%cI", "--end-of-options", commit])).trim());
  }
  async isAncestor(commit, ref) {
    const r = await this.run(["merge-base", "--is-ancestor", "--end-of-options", commit, ref], { allowFail: true });
    if (r.code === 0) return true;
    if (r.code === 1) return false;
    throw new ExternalError(`git merge-base could not compare ${commit} with ${ref}: ${r.stderr.trim()}`, { hint: `fetch ${ref} first (actions/checkout with fetch-depth: 0)` });
  }
  async listTree(commit, path) {
    const clean = path.replace(/^\.\/+/, "").replace(/\/+$/, "");
    const r = await this.run(["ls-tree", "-r", "-l", "-z", "--full-tree", "--end-of-options", commit, "--", clean], { allowFail: true });
    if (r.code !== 0) throw new ExternalError(`git ls-tree failed for ${clean} at ${commit}: ${r.stderr.trim()}`);
    const files = [];
    for (const entry of r.stdout.toString("utf8").split("\0").filter(Boolean)) {
      const m = /^\d+ (\w+) ([0-9a-f]+)\s+(-|\d+)\t(.*)$/s.exec(entry);
      if (!m || m[1] !== "blob") continue;
      const full = m[4];
      const rel = full === clean ? "" : full.startsWith(`${clean}/`) ? full.slice(clean.length + 1) : null;
      if (rel !== null) files.push({ path: rel, size: Number(m[3]), blob: m[2] });
    }
    return files;
  }
  async readBlob(blob) {
    return (await this.run(["cat-file", "blob", "--end-of-options", blob])).stdout;
  }
  async createAnnotatedTag(tag, commit, message) {
    const r = await this.run(["tag", "--annotate", "--file=-", "--end-of-options", tag, commit], { input: message, allowFail: true });
    if (r.code !== 0) {
      throw new ExternalError(`could not create tag ${tag}: ${r.stderr.trim()}`, { hint: /already exists/.test(r.stderr) ? "the tag exists already; fetch tags and look at `llmops registry show`" : void 0 });
    }
  }
  async deleteLocalTag(tag) {
    await this.run(["tag", "--delete", "--end-of-options", tag], { allowFail: true });
  }
  async pushTag(remote, tag) {
    const r = await this.run(["push", "--porcelain", "--end-of-options", remote, `refs/tags/${tag}:refs/tags/${tag}`], { allowFail: true });
    if (r.code === 0) return { ok: true };
    const why = (r.stdout.toString() + r.stderr).split("\n").find((l) => /rejected|already exists|error/.test(l)) ?? r.stderr.trim();
    return { ok: false, reason: why.trim() };
  }
  async fetch(remote, refspecs) {
    await this.run(["fetch", "--quiet", "--no-tags", "--end-of-options", remote, ...refspecs]);
  }
};
function iso(date) {
  const d = new Date(date);
  return Number.isNaN(d.getTime()) ? date : d.toISOString();
}
function parseTagObject(body) {
  const split = body.indexOf("\n\n");
  const headers = split < 0 ? body : body.slice(0, split);
  const message = (split < 0 ? "" : body.slice(split + 2)).replace(/-----BEGIN (?:PGP|SSH) SIGNATURE-----[\s\S]*$/, "");
  const tagger = /^tagger (.*) <[^>]*> (\d+) ([+-]\d{4})$/m.exec(headers);
  return {
    tagger: tagger ? tagger[1] : null,
    date: tagger ? new Date(Number(tagger[2]) * 1e3).toISOString() : null,
    message
  };
}

export {
  GitCli
};
