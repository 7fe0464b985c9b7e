// Regenerates docs/screenshots: the main pages, light and dark, at 1280 and 360 px wide.
// Usage: node screenshots.mjs BASE_URL [OUT_DIR]   (a server with the seed articles loaded)
import { launch } from "./lib.mjs";
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";

const base = (process.argv[2] || "http://127.0.0.1:3000").replace(/\/$/, "");
const out = resolve(process.argv[3] || new URL("../../docs/screenshots", import.meta.url).pathname);
mkdirSync(out, { recursive: true });

const pages = [
  ["matrix", "/"],
  ["provision", "/provisions/21#timeline"],
  ["statements", "/statements?provision=21"],
  ["source", null], // the source of the first statement on point 21, scrolled to it
];
const widths = [["desktop", 1280, 900], ["phone", 360, 780]];
const schemes = ["light", "dark"];

const { browser, close } = await launch();
try {
  {
    const page = await browser.newPage();
    await page.goto(base + "/statements?provision=21");
    const href = await page.locator("article.statement .meta a[href*='#s']").first().getAttribute("href");
    pages[pages.length - 1][1] = href;
    await page.close();
  }
  for (const [name, path] of pages) {
    for (const [label, width, height] of widths) {
      for (const scheme of schemes) {
        const context = await browser.newContext({
          viewport: { width, height }, colorScheme: scheme, deviceScaleFactor: 1,
        });
        const page = await context.newPage();
        await page.goto(base + path, { waitUntil: "load" });
        const file = `${out}/${name}-${label}-${scheme}.png`;
        await page.screenshot({ path: file, fullPage: false });
        console.log(file);
        await context.close();
      }
    }
  }
} finally {
  await close();
}
