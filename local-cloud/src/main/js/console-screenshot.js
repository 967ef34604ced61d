// Takes the README's picture of local-cloud's console from a running local-cloud (local-cloud/screenshot starts one
// or uses yours): places an order over the HTTP API as a customer with a token local-cloud minted, waits until the
// order is CONFIRMED (stock reserved), ships its parcel as the warehouse does (ShipParcelFunction through the Lambda
// API, as `./local-cloud/run invoke ShipParcelFunction --running` does), waits until it is SHIPPED, then opens the
// console on that order's journey in headless Chromium (Debian's package, driven by playwright-core) and, once the
// journey is whole and the drawing keeps its promises (console-layout-check.js), writes the full page to OUT.
'use strict';
const { chromium } = require('playwright-core');
const { layoutProblems } = require('./console-layout-check.js');

const env = name => {
  if (!process.env[name]) throw new Error(name + ' is not set');
  return process.env[name];
};
const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
const LIFECYCLE = ['OrderPlaced', 'StockReserved', 'OrderConfirmed', 'ParcelShipped'];

async function until(what, seconds, check) {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error('gave up after ' + seconds + ' s waiting for ' + what);
    await sleep(500);
  }
}

async function main() {
  const http = env('HTTP_URL'), edge = env('EDGE_URL'), token = env('TOKEN');
  const auth = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' };
  const placed = await fetch(http + '/orders', { method: 'POST', headers: auth, body: JSON.stringify({
    lines: [{ sku: 'SKU-1', quantity: 2 }, { sku: 'SKU-2', quantity: 1 }],
    shippingAddress: { name: 'Alice', line1: '1 Main St', city: 'Berlin', postalCode: '10115', country: 'DE' },
    contactEmail: 'alice@example.com' }) });
  const order = await placed.json();
  if (placed.status !== 201) throw new Error('POST /orders answered ' + placed.status + ' ' + JSON.stringify(order));
  const status = async () => (await (await fetch(http + '/orders/' + order.orderId, { headers: auth })).json()).status;
  const confirmed = await until('the order to be CONFIRMED', 180, async () => {
    const s = await status();
    if (s === 'REJECTED' || s === 'CANCELLED') throw new Error('the order was ' + s + ', not confirmed');
    return s === 'CONFIRMED' && s;
  });
  console.error('screenshot: order ' + order.orderId + ' ' + confirmed + '; shipping its parcel');

  // the warehouse's action: ShipParcelFunction, invoked through local-cloud's Lambda API (its edge checks no signature)
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  await until('the parcel to be shipped', 120, async () => {
    const shipped = await fetch(edge + '/2015-03-31/functions/ShipParcelFunction/invocations', { method: 'POST',
      headers: { Authorization: `AWS4-HMAC-SHA256 Credential=local/${day}/eu-west-1/lambda/aws4_request, SignedHeaders=host, Signature=local`,
        'Content-Type': 'application/json' },
      body: JSON.stringify({ orderId: order.orderId, carrier: 'DHL', trackingNumber: 'JD0146' + Date.now() }) });
    const answer = await shipped.text();
    if (shipped.status === 200 && !shipped.headers.get('x-amz-function-error') && JSON.parse(answer).outcome === 'SHIPPED') return true;
    // NOT_FOUND: package-service has not made the parcel of the confirmed order yet (it reacts to OrderConfirmed)
    console.error('screenshot: ShipParcelFunction answered ' + shipped.status + ' ' + answer + '; again');
    await sleep(2000);
    return false;
  });
  await until('the order to be SHIPPED', 180, async () => (await status()) === 'SHIPPED');

  // the journey is whole when all four events are there and no delivery of theirs is still to come
  let last = '';
  await until('every delivery of the journey', 180, async () => {
    const journey = await (await fetch(edge + '/console/api/journey?id=' + order.orderId)).json();
    const types = journey.events.map(e => e.detailType);
    const now = JSON.stringify(journey.deliveries.map(d => d.seq));
    const settled = LIFECYCLE.every(t => types.includes(t)) && now === last;
    last = now;
    if (!settled) await sleep(2500);
    return settled;
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    await page.goto(edge + '/console/?journey=' + encodeURIComponent(order.orderId));
    await page.locator('[data-node]').first().waitFor({ timeout: 30000 });
    await page.waitForFunction(n => document.querySelectorAll('[data-testid=journey-events] tr[data-detail-type]').length >= n,
      LIFECYCLE.length, { timeout: 30000, polling: 500 });
    await page.locator('#lines li').first().waitFor({ timeout: 30000 });
    await page.locator('#queues .queue').first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1000);
    const flow = await (await fetch(edge + '/console/api/flow')).json();
    const problems = await page.evaluate(`(${layoutProblems})(${JSON.stringify({ nodes: flow.nodes, edges: flow.edges })})`);
    if (problems.length > 0) throw new Error('the drawing breaks its promises:\n  ' + problems.join('\n  '));
    await page.screenshot({ path: env('OUT'), fullPage: true });
    console.log(JSON.stringify({ orderId: order.orderId, out: env('OUT') }));
  } finally {
    await browser.close();
  }
}

main().catch(e => {
  console.error('screenshot: ' + (e && e.stack || String(e)));
  process.exit(1);
});
