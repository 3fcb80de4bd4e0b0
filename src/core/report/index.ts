// The report domain: pure renderers of a comparison for the PR comment, the job summary and the
// HTML report, and the one escaping module they share.
export { buildCaseDetails, type CaseDetail, type CaseSide, type ReportContext, type ReportLink, type ReportModel, type ReportRecord } from "./model.js";
export { GITHUB_COMMENT_LIMIT, GITHUB_SUMMARY_LIMIT, renderComment, renderJobSummary, type MarkdownOptions, type RenderedMarkdown } from "./markdown.js";
export { renderHtmlReport, reportCsp } from "./html.js";
export { renderArmsMarkdown } from "./arms.js";
export { renderStickyMarker } from "./marker.js";
export { renderMermaidMetricChart } from "./mermaid.js";
export { renderDeltaSvg, renderLatencySvg } from "./svg.js";
export * as escape from "./escape.js";
