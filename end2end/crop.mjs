import { chromium } from "@playwright/test";
const [,, src, out, top, height, width = "320"] = process.argv;
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium" });
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
await page.setContent(`<body style="margin:0"><img src="data:image/png;base64,${(await import("fs")).readFileSync(src).toString("base64")}" style="display:block;margin-top:-${top}px"></body>`);
await page.screenshot({ path: out });
await browser.close();
