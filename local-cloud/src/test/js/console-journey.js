// Drives local-cloud's console in headless Chromium (Debian's package) with playwright-core: places an order over
// the HTTP API with a token local-cloud minted, opens the console on that order's journey, and waits until the
// journey shows its events and every expected delivery. Run by ConsoleBrowserTest; prints one JSON line.
'use strict';
const fs = require('fs');
const { chromium } = require('playwright-core');

const env = name => {
  if (!process.env[name]) throw new Error(name + ' is not set');
  return process.env[name];
};

async function main() {
  const consoleUrl = env('CONSOLE_URL');
  const expected = Number(env('EXPECTED_DELIVERIES'));
  const placed = await fetch(env('HTTP_URL') + '/orders', {
    method: 'POST',
    headers: { Authorization: 'Bearer ' + env('TOKEN'), 'Content-Type': 'application/json' },
    body: fs.readFileSync(env('ORDER_BODY_FILE'), 'utf8'),
  });
  const order = await placed.json();
  if (placed.status !== 201) throw new Error('POST /orders answered ' + placed.status + ' ' + JSON.stringify(order));

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1100 } });
    await page.goto(consoleUrl + '?journey=' + encodeURIComponent(order.orderId));
    await page.locator('[data-testid=flow] .box.bus').first().waitFor({ timeout: 30000 });
    await page.locator('[data-testid=journey-events] tr[data-detail-type]').first().waitFor({ timeout: 60000 });
    await page.waitForFunction(n => document.querySelectorAll('#journey-deliveries li[data-kind=DELIVER]').length >= n,
      expected, { timeout: 90000, polling: 500 });
    await page.locator('#lines li').first().waitFor({ timeout: 30000 });
    const events = await page.locator('[data-testid=journey-events] tr[data-detail-type]').evaluateAll(rows => rows.map(r => r.dataset.detailType));
    const deliveries = await page.locator('#journey-deliveries li[data-kind=DELIVER]').allTextContents();
    const rules = await page.locator('#rules tbody tr').count();
    if (process.env.SCREENSHOT) await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
    console.log(JSON.stringify({ orderId: order.orderId, events, deliveries, rules }));
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error(e && e.stack || String(e));
  process.exit(1);
});
