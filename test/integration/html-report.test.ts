// Opens the HTML report in headless Chromium (Debian's `chromium`, driven over the DevTools pipe)
// and checks what a person would see and do: the verdict, one row per case, the "Broke" filter
// showing exactly the broke cases, search, a case's details — and that nothing was fetched.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/core/report/html.js";
import { buildCaseDetails } from "../../src/core/report/model.js";
import { Browser, Page, findChromium } from "../support/cdp.js";
import { HOSTILE_TEXT, makeComparison, makeHostileModel, makeRecords } from "../support/report-fixture.js";

const chromium = findChromium();
if (!chromium) console.warn("html-report test skipped: no Chromium at /usr/bin/chromium (install it with `apt-get install -y chromium`)");

describe.skipIf(!chromium)("HTML report in headless Chromium", () => {
  const records = makeRecords();
  const comparison = makeComparison(records);
  const model = { comparison, cases: buildCaseDetails(comparison, records.baseline, records.candidate), context: { runUrl: "https://github.com/acme/llm/actions/runs/1" } };
  const brokeIds = [...new Set(comparison.flips.filter((f) => f.direction === "broke").map((f) => f.case_id))].sort();
  let dir: string;
  let url: string;
  let browser: Browser;
  let page: Page;

  const visibleIds = () => page.evaluate<string[]>(`[...document.querySelectorAll("#case-table tbody tr.case")].map((r) => r.getAttribute("data-case-id"))`);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "llmops-html-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderHtmlReport(model));
    url = pathToFileURL(file).href;
    browser = Browser.launch(chromium!);
    page = await Page.open(browser);
    await page.send("Page.enable");
    await page.send("Network.enable");
    await page.send("Log.enable");
    await page.send("Runtime.enable");
    // Collect CSP violations from inside the page (DevTools-injected scripts are not subject to the CSP).
    await page.send("Page.addScriptToEvaluateOnNewDocument", {
      source: `window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`,
    });
    const loaded = browser.waitFor("Page.loadEventFired");
    await page.send("Page.navigate", { url });
    await loaded;
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the verdict and why", async () => {
    expect(await page.evaluate<string>(`document.getElementById("verdict").textContent`)).toBe("✘ FAIL — llmops eval: qa");
    expect(await page.evaluate<string>(`document.getElementById("why").textContent`)).toBe("exact_match got worse by 18.0 pp (95% CI −31.5 pp to −6.1 pp), more than the 2.0 pp the policy allows.");
  });

  it("lists one row per case", async () => {
    expect(await visibleIds()).toHaveLength(50);
    expect(await page.evaluate<string>(`document.getElementById("shown").textContent`)).toBe("Showing 50 of 50 cases");
  });

  it("shows exactly the broke cases after clicking Broke", async () => {
    await page.click('button[data-filter="broke"]');
    expect((await visibleIds()).sort()).toEqual(brokeIds);
    expect(brokeIds).toHaveLength(10);
    expect(await page.evaluate<string>(`document.querySelector('button[data-filter="broke"]').getAttribute("aria-pressed")`)).toBe("true");
  });

  it("searches within the filter and opens a case's details as text", async () => {
    await page.type("#search", "octocat");
    expect(await visibleIds()).toEqual(["qa-008"]);
    await page.click('tr.case[data-case-id="qa-008"]');
    const detail = await page.evaluate<string>(`document.querySelector("tr.detail").textContent`);
    expect(detail).toContain("Ask @octocat — or see <img src=x onerror=alert(1)>");
    expect(await page.evaluate<number>(`document.querySelectorAll("img").length`)).toBe(0);
    await page.click('button[data-filter="all"]');
    await page.evaluate(`(() => { const s = document.getElementById("search"); s.value = ""; s.dispatchEvent(new Event("input")); })()`);
    expect(await visibleIds()).toHaveLength(50);
  });

  it("filters by metric", async () => {
    await page.evaluate(`(() => { const s = document.getElementById("metric"); s.value = "token_f1"; s.dispatchEvent(new Event("change")); })()`);
    await page.click('button[data-filter="broke"]');
    // Flips are counted on exact_match only; token_f1 has none.
    expect(await visibleIds()).toEqual([]);
    await page.evaluate(`(() => { const s = document.getElementById("metric"); s.value = ""; s.dispatchEvent(new Event("change")); })()`);
    await page.click('button[data-filter="all"]');
  });

  it("draws its charts and attempts no network request", async () => {
    expect(await page.evaluate<number>(`document.querySelectorAll("svg.chart").length`)).toBe(2);
    const requests = browser.events.filter((e) => e.method === "Network.requestWillBeSent").map((e) => (e.params.request as { url: string }).url);
    expect(requests.filter((u) => u !== url)).toEqual([]);
    expect(await page.evaluate<number>(`performance.getEntriesByType("resource").length`)).toBe(0);
    expect(await page.evaluate<string[]>(`window.__violations`)).toEqual([]);
    const errors = browser.events.filter((e) => e.method === "Runtime.exceptionThrown" || (e.method === "Log.entryAdded" && (e.params.entry as { level: string }).level === "error"));
    expect(errors).toEqual([]);
  });
});

describe.skipIf(!chromium)("HTML report of hostile data in headless Chromium", () => {
  let dir: string;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "llmops-html-hostile-"));
    const file = join(dir, "report.html");
    writeFileSync(file, renderHtmlReport(makeHostileModel()));
    browser = Browser.launch(chromium!);
    page = await Page.open(browser);
    await page.send("Page.enable");
    await page.send("Runtime.enable");
    await page.send("Page.addScriptToEvaluateOnNewDocument", {
      source: `window.__violations = []; document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`,
    });
    const loaded = browser.waitFor("Page.loadEventFired");
    await page.send("Page.navigate", { url: pathToFileURL(file).href });
    await loaded;
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows the hostile text as text everywhere, after every interaction", async () => {
    expect(await page.evaluate<number>(`document.querySelectorAll("#case-table tbody tr.case").length`)).toBe(50);
    await page.click('button[data-filter="broke"]');
    expect(await page.evaluate<number>(`document.querySelectorAll("#case-table tbody tr.case").length`)).toBe(10);
    await page.click("tr.case");
    const shown = HOSTILE_TEXT.replace("\u202E", "⟦U+202E⟧");
    expect(await page.evaluate<string>(`document.querySelector("tr.detail pre").textContent`)).toBe(shown);
    expect(await page.evaluate<string>(`document.getElementById("verdict").textContent`)).toBe(`✘ FAIL — ${shown}`);
    // Nothing became an element: no image, no extra details, no link but ours, no script beyond ours.
    expect(await page.evaluate<number>(`document.querySelectorAll("img, details, iframe, object, embed").length`)).toBe(0);
    expect(await page.evaluate<string[]>(`[...document.querySelectorAll("a")].map((a) => a.href)`)).toEqual(["https://github.com/acme/llm/actions/runs/7"]);
    expect(await page.evaluate<number>(`document.scripts.length`)).toBe(2);
    expect(await page.evaluate<string[]>(`window.__violations`)).toEqual([]);
    expect(browser.events.filter((e) => e.method === "Runtime.exceptionThrown")).toEqual([]);
  });
});
