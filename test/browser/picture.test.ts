/**
 * The HTML export in a real browser: Debian's Chromium, headless, driven by
 * playwright-core (which starts it with a fresh, empty profile). It must render the roadmap's headings and a picture that is
 * not blank. Without Chromium the test is skipped on a developer's machine, but
 * fails under CI (CI=true), where .ci/run installs it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

/** How Chromium is started here and by scripts/readme-picture.mjs: headless (Playwright's default), quiet on a closed network. */
const launch = JSON.parse(readFileSync(join(import.meta.dirname, 'chromium.json'), 'utf8')) as {
  executablePath: string;
  args: string[];
};
const CHROMIUM = launch.executablePath;
const present = existsSync(CHROMIUM);
const NOW = '2026-11-27T09:00:00.000Z';

it('Chromium is installed where CI runs the browser tests', () => {
  if (process.env.CI && !present) {
    expect.fail(`${CHROMIUM} is missing: .ci/run installs Debian's chromium package for the browser tests`);
  }
});

describe.skipIf(!present)('the HTML export in headless Chromium', () => {
  let browser: Browser | undefined;
  let page: string;
  const config = tempDir('roadmap-browser-');

  beforeAll(async () => {
    const at = (iso: string) => ({ env: { ROADMAP_NOW: iso } });
    expect(run(config.dir, ['done', '1', '2.1', 'p1'], at('2026-11-03T09:00:00.000Z')).code).toBe(0);
    expect(run(config.dir, ['done', '3.1', '4.4'], at('2026-11-20T09:00:00.000Z')).code).toBe(0);
    const exported = run(config.dir, ['export', '--format', 'html'], at(NOW));
    expect(exported.code, exported.stderr).toBe(0);
    page = join(config.dir, 'roadmap.html');
    writeFileSync(page, exported.stdout);
    browser = await chromium.launch(launch);
  });

  afterAll(async () => {
    await browser?.close();
    config.cleanup();
  });

  it('shows the title, every part, the projects and the activity, and loads nothing from elsewhere', async () => {
    const tab = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
    const requests: string[] = [];
    tab.on('request', (request) => requests.push(request.url()));
    const errors: string[] = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(pathToFileURL(page).href);
    expect(await tab.locator('h1').innerText()).toBe('Backend Development Roadmap: FastAPI');
    const h2 = await tab.locator('h2').allInnerTexts();
    expect(h2).toEqual(['Parts', 'Projects', 'Weekly activity']);
    const h3 = await tab.locator('h3').allInnerTexts();
    expect(h3).toHaveLength(9);
    expect(h3[0]).toBe('1 Fundamentals');
    expect(h3[4]).toBe('5 Authentication & Authorization');
    expect(await tab.locator('script').count()).toBe(0);
    const svgText = await tab.locator('figure svg').textContent();
    expect(svgText).toContain('Weekly activity');
    expect(svgText).toContain('6/6 · 100%');
    const box = await tab.locator('figure svg').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    expect(box!.height).toBeGreaterThan(500);
    expect(requests.filter((url) => !url.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await tab.close();
  });

  it('renders a picture that is not blank: the bars are drawn in their colours', async () => {
    const tab = await browser!.newPage({ viewport: { width: 1000, height: 900 } });
    await tab.goto(pathToFileURL(page).href);
    const png = PNG.sync.read(await tab.locator('figure svg').screenshot());
    await tab.close();
    const colours = new Map<string, number>();
    for (let i = 0; i < png.data.length; i += 4) {
      const key = `${png.data[i]},${png.data[i + 1]},${png.data[i + 2]}`;
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    expect(png.width).toBeGreaterThan(500);
    expect(colours.size).toBeGreaterThan(20);
    // The green of done topics (#16a34a) and the grey of the empty track (#e5e7eb), plenty of each.
    expect(colours.get('22,163,74') ?? 0).toBeGreaterThan(2000);
    expect(colours.get('229,231,235') ?? 0).toBeGreaterThan(2000);
  });
});
