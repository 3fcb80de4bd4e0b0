// The judges section of a report (PR comment, job summary, single-run summary): per judge or
// embedding scorer how many samples got a verdict, position bias (pairwise), agreement with human
// labels, and a warning where a judge cannot be trusted. Judge answers and names are untrusted text.
import { markdownTable } from "markdown-table";
import type { JudgeSummary } from "../contracts/summary.js";
import { escapeMarkdownText, renderCodeBlock, renderCodeSpan } from "./escape.js";

const NAME_MAX = 64;

function pct(x: number | null | undefined): string {
  return x === null || x === undefined ? "—" : `${(x * 100).toFixed(1)}%`;
}

function ci(c: [number, number] | null | undefined, f: (x: number) => string): string {
  return c ? ` [${f(c[0])}, ${f(c[1])}]` : "";
}

function kappaCell(j: JudgeSummary): string {
  const c = j.calibration;
  if (!c) return "—";
  if (c.kappa === null) return `undefined (n = ${c.n})`;
  return `κ ${c.kappa.toFixed(2)}${ci(c.ci95, (x) => x.toFixed(2))} (n = ${c.n})${c.below_min ? " ⚠️" : ""}`;
}

function biasCell(j: JudgeSummary): string {
  const b = j.position_bias;
  if (!b) return "—";
  return `flips ${pct(b.flip_rate)} · 1st wins ${pct(b.first_position_win_rate)}${ci(b.first_position_ci95, (x) => (x * 100).toFixed(0))}`;
}

/** One row per judge; `side` labels the run ("candidate", "baseline") when two are shown. */
function rows(judges: Record<string, JudgeSummary>, side: string | null): string[][] {
  return Object.entries(judges).map(([name, j]) => {
    const failed = j.errors.parse + j.errors.request;
    return [
      escapeMarkdownText(name, { maxLength: NAME_MAX }),
      ...(side ? [side] : []),
      renderCodeSpan(j.target.model, { maxLength: 80 }),
      `${j.samples - failed}/${j.samples}${failed ? ` (${j.errors.parse} unparsed, ${j.errors.request} failed)` : ""}`,
      biasCell(j),
      kappaCell(j),
    ];
  });
}

/** Lines that say why a judge's numbers need care: unparseable answers, low or undefined agreement. */
function warnings(judges: Record<string, JudgeSummary>, side: string | null): string[] {
  const out: string[] = [];
  const who = (name: string) => `${escapeMarkdownText(name, { maxLength: NAME_MAX })}${side ? ` (${side})` : ""}`;
  for (const [name, j] of Object.entries(judges)) {
    const c = j.calibration;
    if (c?.below_min) out.push(`> ⚠️ ${who(name)} agrees with human labels less than the suite asks: κ ${c.kappa!.toFixed(2)} < ${c.min_kappa} (n = ${c.n}).`);
    if (j.error_example) {
      const raw = j.error_example.raw ? `\n\n${renderCodeBlock(j.error_example.raw, { maxLength: 500 })}` : "\n";
      out.push(`<details>\n<summary>${who(name)}: ${j.errors.parse + j.errors.request} sample(s) without a verdict</summary>\n\n${escapeMarkdownText(j.error_example.message, { maxLength: 300 })}${raw}\n</details>`);
    }
  }
  return out;
}

const CAPTION =
  "<sub>Pairwise judges see each pair in both orders; a preference counts only when it survives the swap. Flips: pairs whose verdict changed with the order; 1st wins: share of decisive verdicts that chose the answer shown first (50% = no position bias; Wilson 95% CI). κ: Cohen's kappa with human labels (quadratic weights for ordinal scales), 95% bootstrap percentile interval.</sub>";

/** The judges of one run, or of both sides of a comparison; "" when there are none. */
export function renderJudges(sides: { label: string | null; judges: Record<string, JudgeSummary> | undefined }[]): string {
  const present = sides.filter((s): s is { label: string | null; judges: Record<string, JudgeSummary> } => s.judges !== undefined && Object.keys(s.judges).length > 0);
  if (present.length === 0) return "";
  const labelled = present.length > 1 || present.some((s) => s.label !== null);
  const header = ["judge", ...(labelled ? ["run"] : []), "model", "verdicts", "position bias", "agreement"];
  const body = present.flatMap((s) => rows(s.judges, labelled ? (s.label ?? "") : null));
  const notes = present.flatMap((s) => warnings(s.judges, labelled ? s.label : null));
  return [`**Judges**`, "", markdownTable([header, ...body], { align: header.map(() => "l") }), "", CAPTION, ...notes.flatMap((n) => ["", n]), ""].join("\n");
}
