// End-to-end tests of Pointwise in headless Chromium, as a person would use it, plus axe-core
// on every page type and the Nu Html Checker on their HTML.
// Usage: node run.mjs BASE_URL   (a server with the five seed articles loaded)
// Prints one line per check and ends with "N passed, N failed"; exits 1 on any failure.
import { launch } from "./lib.mjs";
import { createRequire } from "node:module";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const require = createRequire(import.meta.url);
const base = (process.argv[2] || "").replace(/\/$/, "");
if (!base) {
  console.error("usage: node run.mjs BASE_URL");
  process.exit(2);
}

// Every page type of the site, with the status it answers.
const PAGES = [
  ["/", 200],
  ["/?by=country", 200],
  ["/?by=source&outlet=TASS", 200],
  ["/?by=speaker", 200],
  ["/?by=organisation", 200],
  ["/provisions", 200],
  ["/provisions/6", 200],
  ["/provisions/21", 200],
  ["/sources", 200],
  ["/sources/1", 200],
  ["/speakers", 200],
  ["/speakers/mark-rutte", 200],
  ["/statements", 200],
  ["/statements?provision=21&stance=neutral", 200],
  ["/statements/1", 200],
  ["/statements?speaker=nobody", 404],
  ["/versions", 200],
  ["/versions/twenty-point", 200],
  ["/versions/geneva-19", 200],
  ["/provisions/6?version=e3-counter", 200],
  ["/?version=twenty-point&blindspots=1", 200],
  ["/claims", 200],
  ["/no/such/page", 404],
  ["/statements?stance=angry", 400],
];

let passed = 0;
let failed = 0;
const failures = [];
function check(name, ok, detail = "") {
  if (ok) {
    passed += 1;
    console.log(`ok   ${name}`);
  } else {
    failed += 1;
    failures.push(`${name}${detail ? ": " + detail : ""}`);
    console.log(`FAIL ${name}${detail ? ": " + detail : ""}`);
  }
}
async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    check(name, false, String(e && e.stack ? e.stack.split("\n").slice(0, 3).join(" | ") : e));
  }
}

/** A page that fails the test on any CSP violation or script error. */
async function openPage(context, label) {
  const page = await context.newPage();
  page.on("console", (m) => {
    if (m.type() === "error") check(`${label}: no console error`, false, m.text());
  });
  page.on("pageerror", (e) => check(`${label}: no script error`, false, String(e)));
  return page;
}

/** The ids of the statements a page lists. */
const statementIds = (page) =>
  page.$$eval("article.statement", (els) => els.map((e) => e.id));

const { browser, close } = await launch();
try {
  // --- A person: the matrix, a point, a speaker filter, the shared link ---------------------
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await ctx.grantPermissions(["clipboard-read", "clipboard-write"], { origin: base });
  let shared = "";
  let sharedIds = [];
  await step("journey: matrix to point to speaker filter", async () => {
    const page = await openPage(ctx, "journey");
    await page.goto(base + "/");
    check("matrix: heatmap table with a caption", await page.locator("table.heatmap caption").count() === 1);
    check("matrix: who-stands-where table", await page.locator("table.who caption").count() === 1);
    const cellText = await page.locator("table.heatmap td.cell .sr").first().textContent();
    check("matrix: a cell's counts are in text for screen readers", /supports|nothing/.test(cellText || ""), cellText);
    check("matrix: stance bars are inline SVG", await page.locator("table.heatmap svg.bar rect").count() > 0);
    await page.getByRole("link", { name: "21", exact: true }).first().click();
    await page.waitForURL(/\/provisions\/21$/);
    check("point: page for point 21", (await page.locator("h1").textContent()).startsWith("Point 21"));
    check("point: timeline SVG with a title", await page.locator("svg.timeline title#tl-title").count() === 1);
    await page.getByRole("link", { name: /statements as a list/ }).click();
    await page.waitForURL(/\/statements\?provision=21/);
    // filter by a speaker who speaks of the point: a facet link when there is one, else the
    // form's speaker list
    const who = await page.locator("article.statement .who a[href^='/speakers/']").first().getAttribute("href");
    const slug = who.split("/").pop();
    // the facet links are the filter (open beside the list on a wide screen)
    const facet = page.locator(`.facets a[href*='speaker=${slug}'][href*='provision=21']`).first();
    check("filter: the filters are open on a wide screen", await page.locator("details.filter-panel[open]").count() === 1);
    await facet.click();
    await page.waitForURL(/speaker=/);
    check("filter: the URL holds the point and the speaker", /provision=21/.test(page.url()) && /speaker=/.test(page.url()), page.url());
    sharedIds = await statementIds(page);
    // copy the link with the page's own button (the script from /static, under the CSP)
    const button = page.getByRole("button", { name: "Copy link to this view" });
    check("share: copy-link button shown with JavaScript", await button.count() === 1);
    await button.click();
    await page.waitForSelector("button[data-copied]");
    shared = await page.evaluate(() => navigator.clipboard.readText()).catch(() => "");
    if (!shared) shared = await button.getAttribute("data-copied");
    check("share: the copied link is the page's URL", shared === page.url(), `${shared} vs ${page.url()}`);
    await page.close();
  });
  await step("journey: a point across the plan's versions", async () => {
    const page = await openPage(ctx, "versions");
    await page.goto(base + "/provisions/6");
    check("versions: a status strip of four texts", await page.locator("ol.strip li").count() === 4);
    check("versions: the latest text's changes are shown",
      (await page.locator("#diff-title").textContent()).includes("to 20 points"));
    // switch to the European counter-proposal from the strip
    await page.locator("ol.strip a", { hasText: "E3 counter" }).click();
    await page.waitForURL(/version=e3-counter/);
    check("versions: the strip marks the chosen text",
      (await page.locator("ol.strip a[aria-current]").textContent()).includes("E3 counter"));
    const removed = await page.locator(".diff-text del").allTextContents();
    const added = await page.locator(".diff-text ins").allTextContents();
    check("versions: the diff removes 600,000 and adds 800,000",
      removed.join(" ").includes("600,000") && added.join(" ").includes("800,000"), `${removed} / ${added}`);
    await page.getByRole("link", { name: "E3 counter", exact: true }).first().click();
    await page.waitForURL(/\/versions\/e3-counter$/);
    check("versions: the text's page lists its items", await page.locator("ol.items > li").count() > 5);
    await page.close();
  });
  await step("journey: the shared link opened fresh", async () => {
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await openPage(fresh, "fresh");
    await page.goto(shared);
    const ids = await statementIds(page);
    check("share: a fresh browser sees the same statements", ids.length > 0 && JSON.stringify(ids) === JSON.stringify(sharedIds), `${ids} vs ${sharedIds}`);
    await fresh.close();
  });

  // --- Search --------------------------------------------------------------------------------
  await step("search", async () => {
    const page = await openPage(ctx, "search");
    await page.goto(base + "/statements");
    const q = page.locator("form input[name=q]");
    if (await q.count() === 0) {
      console.log("note: /statements has no q= search field on this branch: checking that the form submits, hit assertion skipped");
      await page.locator("form.filters button[type=submit]").click();
      await page.waitForLoadState("load");
      check("search: the filter form submits to /statements", new URL(page.url()).pathname === "/statements", page.url());
    } else {
      await q.fill("Crimea");
      await q.press("Enter");
      await page.waitForURL(/q=Crimea/);
      const texts = await page.$$eval("article.statement blockquote", (els) => els.map((e) => e.textContent));
      check("search: hits for 'Crimea'", texts.length > 0, `${texts.length} hits`);
      check("search: every hit contains the word", texts.every((t) => /crimea/i.test(t)) || (await page.locator("article.statement mark").count()) > 0);
    }
    await page.close();
  });

  // --- A statement to its highlighted context -------------------------------------------------
  await step("context", async () => {
    const page = await openPage(ctx, "context");
    await page.goto(base + "/statements?provision=21");
    const link = page.locator("article.statement .meta a[href*='/sources/'][href*='#s']").first();
    const href = await link.getAttribute("href");
    await link.click();
    await page.waitForURL(/\/sources\/\d+#s\d+$/);
    const id = href.split("#")[1];
    const target = page.locator(`#${id}`);
    check("context: the statement is on the source page", await target.count() === 1);
    check("context: it is the :target", await target.evaluate((e) => e.matches(":target")));
    const [t, other] = await page.evaluate((id) => {
      const el = document.getElementById(id);
      const o = [...document.querySelectorAll("mark")].find((m) => m.id !== id);
      const s = (e) => { const c = getComputedStyle(e); return `${c.backgroundColor} ${c.outlineStyle}`; };
      return [s(el), o ? s(o) : ""];
    }, id);
    check("context: the target is highlighted unlike the others", t !== other && t.includes("solid"), `${t} vs ${other}`);
    const inView = await target.evaluate((e) => { const r = e.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; });
    check("context: the target is scrolled into view", inView);
    await page.close();
  });

  // --- Keyboard --------------------------------------------------------------------------------
  await step("keyboard", async () => {
    const page = await openPage(ctx, "keyboard");
    await page.goto(base + "/");
    await page.keyboard.press("Tab");
    const first = await page.evaluate(() => [document.activeElement.textContent, getComputedStyle(document.activeElement).outlineStyle]);
    check("keyboard: the first Tab reaches the skip link, visibly", first[0] === "Skip to content" && first[1] !== "none", first.join(" / "));
    for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
    const style = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    check("keyboard: links show a focus outline", style !== "none", style);
    await page.close();
  });
  // --- Print: the content without navigation, filters or buttons -------------------------------
  await step("print", async () => {
    const page = await openPage(ctx, "print");
    await page.goto(base + "/statements?provision=21");
    await page.emulateMedia({ media: "print" });
    const shown = await page.evaluate(() => ["header.site nav", "form.filters", "button.copy-link", "footer.site"]
      .map((sel) => [sel, document.querySelector(sel) ? getComputedStyle(document.querySelector(sel)).display : "absent"]));
    check("print: navigation, filters, buttons and footer are hidden", shown.every(([, d]) => d === "none" || d === "absent"), JSON.stringify(shown));
    check("print: the statements are printed", await page.locator("article.statement").first().isVisible());
    await page.close();
  });
  await ctx.close();

  // --- Without JavaScript: no copy-link button, the pages work the same -----------------------
  await step("no javascript", async () => {
    const nojs = await browser.newContext({ javaScriptEnabled: false });
    const page = await nojs.newPage();
    await page.goto(base + "/statements?provision=21");
    check("no JS: no copy-link button", await page.locator("button.copy-link").count() === 0);
    check("no JS: the statements are listed", await page.locator("article.statement").count() > 0);
    await nojs.close();
  });

  // --- Phone width: nothing wider than the screen, tables scroll in their own box --------------
  await step("phone", async () => {
    const phone = await browser.newContext({ viewport: { width: 360, height: 780 } });
    const page = await phone.newPage();
    for (const [path] of PAGES) {
      await page.goto(base + path);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      check(`360px: ${path} has no page-wide overflow`, width <= 360, `scrollWidth ${width}`);
    }
    await phone.close();
  });

  // --- A phone (390 px): the list first, the filters one tap away, tables that say they scroll -
  await step("phone layout", async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await openPage(phone, "phone layout");
    const noSideways = async (label) => {
      const [doc, view] = await page.evaluate(() => [document.documentElement.scrollWidth, innerWidth]);
      check(`390px: ${label} does not scroll sideways`, doc <= view, `scrollWidth ${doc} > ${view}`);
    };
    await page.goto(base + "/statements");
    await noSideways("/statements");
    const panel = page.locator("details.filter-panel");
    check("390px /statements: the filters are closed", !(await panel.evaluate((d) => d.open)));
    const first = await page.locator("article.statement").first().boundingBox();
    check("390px /statements: the first statement starts within the first screen", first && first.y + 40 < 844, JSON.stringify(first));
    // a thumb opens the filters and taps a point; the list follows
    await page.locator("details.filter-panel > summary").tap();
    check("390px /statements: a tap opens the filters", await panel.evaluate((d) => d.open));
    const target = page.locator("#facet-provision a[href*='provision=21']").first();
    const box = await target.boundingBox();
    check("390px /statements: a facet value is a thumb-sized target", box && box.height >= 44, JSON.stringify(box));
    await target.tap();
    await page.waitForURL(/provision=21/);
    check("390px /statements: the tap filtered the list", (await page.locator("h1").textContent()).includes("point 21"));
    await noSideways("/statements?provision=21");
    // the keyboard does the same: Enter on the summary, Tab to a value, Enter
    await page.goto(base + "/statements");
    await page.locator("details.filter-panel > summary").focus();
    await page.keyboard.press("Enter");
    check("keyboard: Enter opens the filters", await panel.evaluate((d) => d.open));
    await page.locator("#facet-stance a").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/stance=/);
    check("keyboard: Enter on a facet value filters", /stance=/.test(page.url()), page.url());
    // the matrix: the page stays put, the table scrolls in its box, says so, keeps its first column
    await page.goto(base + "/");
    await noSideways("/");
    check("390px /: the scroll cue shows", await page.locator("table.heatmap .cue").isVisible());
    const pinned = await page.evaluate(() => {
      const box = document.querySelector(".scroll");
      const th = box.querySelector("tbody th[scope=row]");
      const before = th.getBoundingClientRect().left;
      box.scrollLeft = 200;
      const after = th.getBoundingClientRect().left;
      const caption = box.querySelector("caption .pin").getBoundingClientRect();
      return { moved: box.scrollLeft, before, after, captionRight: caption.right };
    });
    check("390px /: the table scrolls in its box", pinned.moved > 0, JSON.stringify(pinned));
    check("390px /: the first column stays in view", Math.abs(pinned.before - pinned.after) < 1, JSON.stringify(pinned));
    check("390px /: the caption is not cut", pinned.captionRight <= 390, JSON.stringify(pinned));
    // a point: its timeline labels are legible at 360 px
    await page.setViewportSize({ width: 360, height: 780 });
    await page.goto(base + "/provisions/21");
    await noSideways("/provisions/21");
    const label = await page.evaluate(() => {
      const sizes = [...document.querySelectorAll("svg.timeline text")].map((t) => {
        const svg = t.ownerSVGElement;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return parseFloat(getComputedStyle(t).fontSize) * scale;
      });
      return Math.min(...sizes);
    });
    check("360px /provisions/21: timeline labels at least 10 px", label >= 10, `${label.toFixed(1)} px`);
    await phone.close();
  });

  // --- axe-core on every page type, light and dark -----------------------------------------------
  const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  for (const scheme of ["light", "dark"]) {
    // bypassCSP lets the test inject axe; the pages' own script runs under the CSP above
    const actx = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: scheme, bypassCSP: true });
    const page = await actx.newPage();
    for (const [path, status] of PAGES) {
      await step(`axe ${scheme} ${path}`, async () => {
        const response = await page.goto(base + path);
        check(`status ${path}`, response.status() === status, String(response.status()));
        await page.evaluate(axeSource);
        const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
        const v = result.violations.map((x) => `${x.id} (${x.nodes.length}): ${x.nodes.slice(0, 2).map((n) => n.target.join(" ")).join(", ")}`);
        check(`axe ${scheme} ${path}: ${result.violations.length} violations`, result.violations.length === 0, v.join("; "));
      });
    }
    await actx.close();
  }
} finally {
  await close();
}

// --- The Nu Html Checker on the HTML of every page type ----------------------------------------
await step("vnu", async () => {
  const dir = mkdtempSync(join(tmpdir(), "pointwise-vnu-"));
  try {
    const files = [];
    for (const [i, [path]] of PAGES.entries()) {
      const html = await (await fetch(base + path)).text();
      const file = join(dir, `page${String(i).padStart(2, "0")}.html`);
      writeFileSync(file, html);
      files.push([file, path]);
    }
    const jar = require.resolve("vnu-jar/build/dist/vnu.jar");
    const run = spawnSync("java", ["-jar", jar, "--format", "json", "--exit-zero-always", ...files.map((f) => f[0])], { encoding: "utf8", maxBuffer: 64 << 20 });
    if (run.error) throw run.error;
    // vnu writes its JSON report to stderr
    const report = run.stderr;
    const messages = JSON.parse(report).messages || [];
    for (const [file, path] of files) {
      const mine = messages.filter((m) => m.url && m.url.endsWith(file.split("/").pop()));
      const errors = mine.filter((m) => m.type === "error" || m.subType === "fatal");
      const warnings = mine.filter((m) => m.type === "info" && m.subType === "warning");
      check(`vnu ${path}: ${errors.length} errors, ${warnings.length} warnings`, errors.length === 0,
        errors.slice(0, 3).map((m) => `line ${m.lastLine}: ${m.message}`).join("; "));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

if (failures.length) {
  console.log("\nFailures:");
  for (const f of failures) console.log(`  ${f}`);
}
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
