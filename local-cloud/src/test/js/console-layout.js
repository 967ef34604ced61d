// Opens local-cloud's console page in headless Chromium (Debian's package) with playwright-core, with no local-cloud
// behind it: the page's files come from CONSOLE_DIR and /console/api/flow answers each file of FLOW_FILES (what
// Console.flowJson gives for a template), the other API calls answer empty. For each flow it prints the promises the
// drawing breaks (console-layout-check.js) as one JSON line; SCREENSHOT_DIR, when set, gets a picture of each.
// Run by ConsoleLayoutBrowserTest.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');
const { layoutProblems } = require('../../main/js/console-layout-check.js');

const env = name => {
  if (!process.env[name]) throw new Error(name + ' is not set');
  return process.env[name];
};
const EMPTY = { stream: { lines: [], next: 0 }, queues: [], parked: [], journey: { id: '', events: [], deliveries: [] } };
const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css' };

async function main() {
  const dir = env('CONSOLE_DIR');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const results = [];
  try {
    for (const file of env('FLOW_FILES').split(path.delimiter)) {
      const flow = JSON.parse(fs.readFileSync(file, 'utf8'));
      const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
      await page.route('http://console.local/**', route => {
        const url = new URL(route.request().url());
        const api = url.pathname.match(/^\/console\/api\/(\w+)/);
        if (api) {
          return route.fulfill({ contentType: 'application/json', body: JSON.stringify(api[1] === 'flow' ? flow : EMPTY[api[1]] || {}) });
        }
        const name = url.pathname.replace(/^\/console\/?/, '') || 'index.html';
        return route.fulfill({ contentType: TYPES[name.split('.').pop()], body: fs.readFileSync(path.join(dir, name)) });
      });
      await page.goto('http://console.local/console/');
      await page.locator('[data-node]').first().waitFor({ timeout: 30000 });
      await page.waitForTimeout(300);
      const problems = await page.evaluate(`(${layoutProblems})(${JSON.stringify({ nodes: flow.nodes, edges: flow.edges })})`);
      if (process.env.SCREENSHOT_DIR) {
        await page.locator('section#flow').screenshot({ path: path.join(process.env.SCREENSHOT_DIR, path.basename(file, '.json') + '.png') });
      }
      results.push({ file: path.basename(file), functions: flow.nodes.filter(n => n.kind === 'function').length, problems });
      await page.close();
    }
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(results));
}

main().catch(e => {
  console.error(e && e.stack || String(e));
  process.exit(1);
});
