// The HTML report's stylesheet and its one small script, as constants: the report's CSP allows
// exactly these two by hash. The script reads the embedded JSON and builds the case table with
// textContent only (never innerHTML), so case text can never become markup.

export const REPORT_CSS = `
:root { color-scheme: light dark; --fg:#1f2328; --muted:#59636e; --bg:#fff; --line:#d1d9e0; --soft:#f6f8fa;
  --pass:#1a7f37; --fail:#cf222e; --inconclusive:#9a6700; --info:#59636e; --base:#8c959f; --cand:#0969da; }
@media (prefers-color-scheme: dark) { :root { --fg:#e6edf3; --muted:#9198a1; --bg:#0d1117; --line:#3d444d; --soft:#151b23;
  --pass:#3fb950; --fail:#f85149; --inconclusive:#d29922; --info:#9198a1; --base:#6e7681; --cand:#4493f8; } }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 24px; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
h1 { font-size: 24px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
.verdict { border-left: 6px solid var(--info); padding: 8px 16px; background: var(--soft); border-radius: 6px; }
.verdict.pass { border-color: var(--pass); } .verdict.fail { border-color: var(--fail); } .verdict.inconclusive { border-color: var(--inconclusive); }
.verdict p { margin: 4px 0 0; }
table { border-collapse: collapse; width: 100%; } th, td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: var(--soft); font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.muted { color: var(--muted); } code, pre { font: 12px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px; margin: 4px 0 10px; max-height: 320px; overflow: auto; }
.charts { display: flex; flex-wrap: wrap; gap: 16px; } .chart { max-width: 100%; height: auto; }
.chart text { fill: var(--fg); font-size: 12px; } .chart .tick, .chart .mlabel { fill: var(--muted); font-size: 11px; } .chart .ctitle { font-weight: 600; }
.chart .grid { stroke: var(--line); } .chart .zero { stroke: var(--fg); stroke-dasharray: 3 3; }
.chart .ci { stroke-width: 2; } .ci.pass { stroke: var(--pass); } .ci.fail { stroke: var(--fail); } .ci.inconclusive { stroke: var(--inconclusive); } .ci.info { stroke: var(--info); }
.pt.pass { fill: var(--pass); } .pt.fail { fill: var(--fail); } .pt.inconclusive { fill: var(--inconclusive); } .pt.info { fill: var(--info); }
.bar.base { fill: var(--base); } .bar.cand { fill: var(--cand); } .mark { stroke-width: 1.5; stroke-dasharray: 4 2; } .mark.base { stroke: var(--base); } .mark.cand { stroke: var(--cand); }
.status-pass { color: var(--pass); } .status-fail { color: var(--fail); } .status-inconclusive { color: var(--inconclusive); }
.filters { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 8px 0; }
.filters button { font: inherit; padding: 4px 12px; border: 1px solid var(--line); border-radius: 16px; background: var(--bg); color: var(--fg); cursor: pointer; }
.filters button[aria-pressed="true"] { background: var(--cand); border-color: var(--cand); color: #fff; }
.filters input, .filters select { font: inherit; padding: 4px 8px; border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
.filters input { flex: 1; min-width: 200px; }
#case-table tbody tr.case { cursor: pointer; } #case-table tbody tr.case:hover { background: var(--soft); }
.badge { display: inline-block; font-size: 11px; font-weight: 600; padding: 0 6px; border-radius: 10px; margin-right: 4px; border: 1px solid currentColor; }
.badge.broke, .badge.error { color: var(--fail); } .badge.fixed { color: var(--pass); } .badge.failing, .badge.one-sided { color: var(--inconclusive); }
.detail-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 0 16px; } .detail-grid h4 { margin: 6px 0 0; font-size: 12px; }
footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
`;

export const REPORT_SCRIPT = `
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("llmops-data").textContent);
  var state = { filter: "all", metric: "", q: "" };
  var tbody = document.querySelector("#case-table tbody");
  var shown = document.getElementById("shown");
  var buttons = Array.prototype.slice.call(document.querySelectorAll(".filters button[data-filter]"));
  var kinds = {};
  data.metrics.forEach(function (m) { kinds[m.name] = m.kind; });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function metricsOf(c) {
    if (state.metric) return [state.metric];
    var names = data.metrics.map(function (m) { return m.name; });
    return names.length ? names : Object.keys((c.candidate || c.baseline || { scores: {} }).scores);
  }
  function fmt(name, v) {
    if (v === null || v === undefined) return "—";
    if (kinds[name] === "binary" && (v === 0 || v === 1)) return v === 1 ? "pass" : "fail";
    return (Math.round(v * 1000) / 1000).toString();
  }
  function flipped(c, dir) {
    return metricsOf(c).some(function (m) { return c.flips[m] === dir; });
  }
  function failing(c) {
    var s = c.candidate;
    if (!s) return false;
    if (s.error && s.output === null) return true;
    return metricsOf(c).some(function (m) { return s.pass[m] === false; });
  }
  var tests = {
    all: function () { return true; },
    broke: function (c) { return flipped(c, "broke"); },
    fixed: function (c) { return flipped(c, "fixed"); },
    failing: failing
  };
  function haystack(c) {
    if (!c._text) {
      c._text = [c.id, c.input, c.expected, c.baseline && c.baseline.output, c.candidate && c.candidate.output,
        c.baseline && c.baseline.error, c.candidate && c.candidate.error].join("\\n").toLowerCase();
    }
    return c._text;
  }
  function visible(c, filter) {
    return tests[filter](c) && (state.q === "" || haystack(c).indexOf(state.q) !== -1);
  }
  function detailRow(c) {
    var tr = el("tr", null, "detail");
    var td = el("td");
    td.colSpan = 4;
    var grid = el("div", null, "detail-grid");
    function block(title, text) {
      var box = el("div");
      box.appendChild(el("h4", title));
      box.appendChild(el("pre", text === null || text === undefined ? "—" : text));
      grid.appendChild(box);
    }
    block("Input", c.input);
    block("Expected", c.expected);
    block("Baseline output", c.baseline ? (c.baseline.output !== null ? c.baseline.output : "error: " + c.baseline.error) : "absent from the baseline run");
    block("Candidate output", c.candidate ? (c.candidate.output !== null ? c.candidate.output : "error: " + c.candidate.error) : "absent from the candidate run");
    td.appendChild(grid);
    tr.appendChild(td);
    return tr;
  }
  function row(c) {
    var tr = el("tr", null, "case");
    tr.setAttribute("data-case-id", c.id);
    tr.appendChild(el("td", c.id));
    var status = el("td");
    ["broke", "fixed"].forEach(function (d) { if (flipped(c, d)) status.appendChild(el("span", d, "badge " + d)); });
    if (failing(c)) status.appendChild(el("span", "failing", "badge failing"));
    if (c.candidate && c.candidate.error) status.appendChild(el("span", "error", "badge error"));
    if (!c.baseline || !c.candidate) status.appendChild(el("span", c.baseline ? "baseline only" : "candidate only", "badge one-sided"));
    tr.appendChild(status);
    var scores = metricsOf(c).map(function (m) {
      var b = c.baseline ? c.baseline.scores[m] : null;
      var k = c.candidate ? c.candidate.scores[m] : null;
      return m + " " + fmt(m, b) + " → " + fmt(m, k);
    });
    tr.appendChild(el("td", scores.join(" · ")));
    var lat = function (s) { return s && s.latency_ms !== null ? Math.round(s.latency_ms) + " ms" : "—"; };
    tr.appendChild(el("td", lat(c.baseline) + " → " + lat(c.candidate), "num"));
    tr.addEventListener("click", function () {
      var next = tr.nextSibling;
      if (next && next.className === "detail") { next.remove(); tr.setAttribute("aria-expanded", "false"); }
      else { tr.parentNode.insertBefore(detailRow(c), tr.nextSibling); tr.setAttribute("aria-expanded", "true"); }
    });
    return tr;
  }
  function render() {
    var rows = data.cases.filter(function (c) { return visible(c, state.filter); });
    tbody.replaceChildren.apply(tbody, rows.map(row));
    shown.textContent = "Showing " + rows.length + " of " + data.cases.length + " cases";
    buttons.forEach(function (b) {
      var f = b.getAttribute("data-filter");
      b.setAttribute("aria-pressed", String(f === state.filter));
      var n = data.cases.filter(function (c) { return visible(c, f); }).length;
      b.querySelector(".count").textContent = String(n);
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { state.filter = b.getAttribute("data-filter"); render(); });
  });
  document.getElementById("metric").addEventListener("change", function (e) { state.metric = e.target.value; render(); });
  document.getElementById("search").addEventListener("input", function (e) { state.q = e.target.value.trim().toLowerCase(); render(); });
  render();
})();
`;
