// Renders the README's picture, docs/roadmap.png: a demo progress on the bundled roadmap,
// exported as HTML by the built CLI and photographed in Debian's headless Chromium.
// Run after `npm run build`: node scripts/readme-picture.mjs
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const config = mkdtempSync(join(tmpdir(), 'roadmap-picture-'));
const roadmap = (now, ...args) => {
  const result = spawnSync(process.execPath, [join(root, 'dist/cli/roadmap.cjs'), ...args], {
    env: { ...process.env, ROADMAP_CONFIG_DIR: config, ROADMAP_NOW: now, NO_COLOR: '1' },
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
};
const day = (n) => new Date(Date.parse('2026-09-07T18:00:00Z') + n * 86400000).toISOString();
// Twelve weeks of study, a few topics a week.
const plan = [
  [0, '1.1'],
  [3, '1.2.1'],
  [9, '1.2.2'],
  [12, '1.3'],
  [18, '2.1'],
  [24, '2.2.1'],
  [30, '2.2.2', '2.3'],
  [37, '2.4'],
  [44, '3.1.1'],
  [47, '3.1.2'],
  [55, '3.2', '3.3'],
  [62, '3.4', 'p1'],
  [69, '4.1.1'],
  [76, '4.4'],
];
for (const [n, ...refs] of plan) roadmap(day(n), 'done', ...refs);
const html = join(config, 'roadmap.html');
writeFileSync(html, roadmap('2026-11-27T09:00:00Z', 'export', '--format', 'html'));

const browser = await chromium.launch(JSON.parse(readFileSync(join(root, 'test/browser/chromium.json'), 'utf8')));
const page = await browser.newPage({ viewport: { width: 1000, height: 900 }, deviceScaleFactor: 1 });
await page.goto(pathToFileURL(html).href);
await page.locator('figure svg').screenshot({ path: join(root, 'docs/roadmap.png') });
await browser.close();
rmSync(config, { recursive: true, force: true });
console.log('wrote docs/roadmap.png');
