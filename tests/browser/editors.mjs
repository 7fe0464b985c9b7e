// The editors' scenario in headless Chromium: sign in, correct a statement's speaker and points,
// sign out, and see the correction and its log as a visitor; axe-core (light and dark) and the
// Nu Html Checker on the editors' pages.
// Usage: node editors.mjs BASE_URL NAME PASSWORD STATEMENT_ID
// Prints one line per check and ends with "N passed, N failed"; exits 1 on any failure.
import { launch } from "./lib.mjs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const [rawBase, name, password, id] = process.argv.slice(2);
const base = (rawBase || "").replace(/\/$/, "");
if (!base || !name || !password || !id) {
  console.error("usage: node editors.mjs BASE_URL NAME PASSWORD STATEMENT_ID");
  process.exit(2);
}

let passed = 0;
let failed = 0;
function check(label, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`ok   ${label}`);
  } else {
    failed += 1;
    console.log(`FAIL ${label}${detail ? ": " + detail : ""}`);
  }
}
async function step(label, fn) {
  try {
    await fn();
  } catch (e) {
    check(label, false, String(e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e));
  }
}

const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
async function axe(page, label) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const v = result.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
  check(`axe ${label}: ${result.violations.length} violations`, result.violations.length === 0, v.join("; "));
}

const statement = `/statements/${id}`;
const html = []; // [label, the page's HTML as served]
const { browser, close } = await launch();
try {
  for (const scheme of ["light", "dark"]) {
    // bypassCSP lets the test inject axe; the pages' own script runs under the CSP
    const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
    const page = await ctx.newPage();
    page.on("pageerror", (e) => check(`${scheme}: no script error`, false, String(e)));
    const first = scheme === "light";
    await step(`${scheme}: sign in`, async () => {
      // fetched first: each sign-in form sets its own token cookie
      if (first) html.push(["/login", await (await ctx.request.get(`${base}/login`)).text()]);
      await page.goto(`${base}/login?next=${encodeURIComponent(statement)}`);
      await axe(page, `${scheme} /login`);
      await page.fill("#login-name", name);
      await page.fill("#login-password", password);
      await Promise.all([page.waitForURL(`**${statement}`), page.click("form.login button")]);
      check(`${scheme}: back on the statement, with the review form`, (await page.locator("form.review-form").count()) === 1, page.url());
      await axe(page, `${scheme} ${statement} (editor)`);
      if (first) html.push([`${statement} (editor)`, await (await ctx.request.get(base + statement)).text()]);
    });
    await step(`${scheme}: the review queue`, async () => {
      await page.goto(`${base}/review`);
      check(`${scheme}: /review lists statements`, (await page.locator("article.statement").count()) > 0);
      await axe(page, `${scheme} /review`);
      if (first) html.push(["/review", await (await ctx.request.get(`${base}/review`)).text()]);
      await page.goto(base + statement);
    });
    await step(`${scheme}: the source page's form to add a missed statement`, async () => {
      const source = await page.locator("article.statement .meta a[href^='/sources/']").first().getAttribute("href");
      const path = source.split("#")[0];
      await page.goto(base + path);
      check(`${scheme}: the form is there`, (await page.locator("#add-words").count()) === 1);
      const picked = await page.evaluate(() => {
        const p = document.querySelector(".article p");
        const range = document.createRange();
        range.selectNodeContents(p.lastChild.nodeType === 3 ? p.lastChild : p);
        const sel = window.getSelection();
        sel.removeAllRanges();
        sel.addRange(range);
        return sel.toString().trim();
      });
      await page.waitForFunction(() => document.getElementById("add-words").value.length > 0);
      check(`${scheme}: selected words fill the form`, (await page.inputValue("#add-words")) === picked, picked.slice(0, 40));
      await axe(page, `${scheme} ${path} (editor)`);
      if (first) html.push([`${path} (editor)`, await (await ctx.request.get(base + path)).text()]);
      await page.goto(base + statement);
    });
    if (first) {
      await step("correct the speaker and a point", async () => {
        await page.fill("#review-speaker", "Jane Roe");
        await page.fill("#review-points", "6, 21");
        await page.fill("#review-note", "Checked against the recording");
        await Promise.all([page.waitForURL(`**${statement}`), page.click("form.review-form button[value=save]")]);
        check("the editor sees the mark", (await page.locator(".review .badge.review").textContent()).trim() === "corrected");
      });
    }
    await step(`${scheme}: sign out`, async () => {
      await Promise.all([page.waitForURL(`${base}/`), page.click("form.logout button")]);
      const cookies = await ctx.cookies();
      check(`${scheme}: the session cookie is gone`, !cookies.some((c) => c.name === "pointwise_session"), JSON.stringify(cookies.map((c) => c.name)));
    });
    await ctx.close();
  }
  // A visitor, in a fresh browser
  const vctx = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await vctx.newPage();
  await step("a visitor sees the correction and its log", async () => {
    await page.goto(base + statement);
    check("visitor: no review form", (await page.locator("form.review-form").count()) === 0);
    check("visitor: the card says corrected", (await page.locator("article.statement .badge.review").textContent()).trim() === "corrected");
    check("visitor: the heading names the new speaker", (await page.locator("h1").textContent()).includes("Jane Roe"));
    const rows = await page.locator("table.log tbody tr").allTextContents();
    check("visitor: the log has the speaker and the points", rows.some((r) => r.includes("Jane Roe")) && rows.some((r) => r.includes("6,21")), rows.join(" | "));
    check("visitor: the log has the note", rows.every((r) => r.includes("Checked against the recording")), rows.join(" | "));
    await axe(page, `${statement} (visitor)`);
    html.push([`${statement} (visitor)`, await (await vctx.request.get(base + statement)).text()]);
    const review = await vctx.request.get(`${base}/review`, { maxRedirects: 0 });
    check("visitor: /review sends to sign in", review.status() === 303, String(review.status()));
  });
  await vctx.close();
} finally {
  await close();
}

await step("vnu", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pointwise-vnu-editors-"));
  try {
    const files = html.map(([label, text], i) => {
      const file = join(dir, `editors${i}.html`);
      writeFileSync(file, text);
      return [file, label];
    });
    const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
    const run = spawnSync("java", ["-jar", jar, "--format", "json", "--exit-zero-always", ...files.map((f) => f[0])], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (run.error) throw run.error;
    const messages = JSON.parse(run.stderr).messages || [];
    for (const [file, label] of files) {
      const mine = messages.filter((m) => m.url && m.url.endsWith(file.split("/").pop()));
      const errors = mine.filter((m) => m.type === "error" || m.subType === "fatal");
      check(`vnu ${label}: ${errors.length} errors`, errors.length === 0, errors.slice(0, 3).map((m) => `line ${m.lastLine}: ${m.message}`).join("; "));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
