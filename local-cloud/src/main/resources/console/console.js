// local-cloud's console: plain JavaScript over /console/api (no build, no library).
const api = (path, options) => fetch('/console/api/' + path, options).then(r => r.json());
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(c => node.append(c));
  return node;
};

// ---- the flow, drawn from the template's graph: sources, producers, buses, rules, consumers, queues
function column(node, edges) {
  if (node.kind === 'api' || node.kind === 'schedule') return 0;
  if (node.kind === 'bus') return 2;
  if (node.kind === 'rule') return 3;
  if (node.kind === 'queue') return 5;
  return edges.some(e => e.from === node.id && e.label === 'PutEvents') ? 1 : 4;
}

function drawFlow(graph) {
  const width = 190, height = 46, gapX = 36, gapY = 14;
  const rows = [0, 0, 0, 0, 0, 0], place = {};
  graph.nodes.forEach(n => {
    const c = column(n, graph.edges);
    place[n.id] = { x: 10 + c * (width + gapX), y: 10 + rows[c]++ * (height + gapY), node: n };
  });
  const svgNs = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(svgNs, 'svg');
  svg.setAttribute('width', 6 * (width + gapX));
  svg.setAttribute('height', 20 + Math.max(...rows) * (height + gapY));
  graph.edges.forEach(e => {
    const a = place[e.from], b = place[e.to];
    const path = document.createElementNS(svgNs, 'path');
    const x1 = a.x + width, y1 = a.y + height / 2, x2 = b.x, y2 = b.y + height / 2;
    path.setAttribute('d', b.x > a.x ? `M${x1},${y1} C${x1 + 30},${y1} ${x2 - 30},${y2} ${x2},${y2}`
      : `M${a.x + width / 2},${a.y + height} L${b.x + width / 2},${b.y}`);
    path.setAttribute('class', 'edge' + (e.failure ? ' failure' : ''));
    const title = document.createElementNS(svgNs, 'title');
    title.textContent = e.label;
    path.append(title);
    svg.append(path);
  });
  Object.values(place).forEach(p => {
    const g = document.createElementNS(svgNs, 'g');
    g.setAttribute('class', 'node ' + p.node.kind);
    g.setAttribute('data-node', p.node.id);
    const rect = document.createElementNS(svgNs, 'rect');
    Object.entries({ x: p.x, y: p.y, width, height, rx: 6 }).forEach(([k, v]) => rect.setAttribute(k, v));
    g.append(rect);
    p.node.label.split('\n').slice(0, 2).forEach((line, i) => {
      const text = document.createElementNS(svgNs, 'text');
      text.setAttribute('x', p.x + 8);
      text.setAttribute('y', p.y + 18 + i * 16);
      text.textContent = line.length > 30 ? line.slice(0, 29) + '…' : line;
      const title = document.createElementNS(svgNs, 'title');
      title.textContent = p.node.label;
      text.append(title);
      g.append(text);
    });
    svg.append(g);
  });
  document.getElementById('flow-picture').replaceChildren(svg);
  const body = document.querySelector('#rules tbody');
  body.replaceChildren(...graph.rules.map(r => el('tr', {},
    el('td', {}, r.name + ' (' + r.bus + ')'), el('td', { title: r.pattern }, r.summary), el('td', {}, r.function),
    el('td', {}, r.deadLetterQueue || '-'), el('td', {}, r.onFailure || '-'))));
}

// ---- live stream
let after = 0;
const line = l => el('li', { 'data-kind': l.kind }, el('span', { class: 'kind k-' + l.kind }, l.kind), ' ' + l.time + '  ' + l.text);
async function poll() {
  try {
    const answer = await api('stream?after=' + after);
    const list = document.getElementById('lines');
    answer.lines.forEach(l => list.prepend(line(l)));
    while (list.children.length > 400) list.lastChild.remove();
    after = answer.next;
  } finally {
    setTimeout(poll, 1000);
  }
}

// ---- one object's journey
let journeyId = null;
async function showJourney() {
  if (!journeyId) return;
  const j = await api('journey?id=' + encodeURIComponent(journeyId));
  const events = el('table', { 'data-testid': 'journey-events' }, el('tr', {}, el('th', {}, 'time'), el('th', {}, 'event'),
    el('th', {}, 'source'), el('th', {}, 'bus'), el('th', {}, 'id')),
    ...j.events.map(e => el('tr', { 'data-detail-type': e.detailType }, el('td', {}, e.time), el('td', {}, e.detailType),
      el('td', {}, e.source), el('td', {}, e.bus), el('td', {}, e.eventId.slice(0, 8)))));
  const deliveries = el('ol', { id: 'journey-deliveries', 'data-testid': 'journey-deliveries' },
    ...j.deliveries.map(d => el('li', { class: 'delivery', 'data-kind': d.kind }, el('span', { class: 'kind k-' + d.kind }, d.kind),
      ' ' + d.time + '  ' + d.text)));
  document.getElementById('journey-result').replaceChildren(
    el('p', {}, 'events: ' + j.events.length + ', deliveries and outcomes: ' + j.deliveries.length), events, deliveries);
}

// ---- dead-letter queues with redrive
async function showQueues() {
  const queues = await api('queues');
  document.getElementById('queues').replaceChildren(...queues.map(q => el('div', { class: 'queue', 'data-queue': q.name },
    el('h3', {}, q.name + ' (' + q.messages.length + (q.messages.length === 10 ? '+' : '') + ')'),
    ...q.messages.map(m => {
      const button = el('button', {}, 'Redrive to ' + (m.target || '?'));
      button.onclick = async () => {
        const r = await api('redrive?queue=' + encodeURIComponent(q.name) + '&messageId=' + encodeURIComponent(m.messageId), { method: 'POST' });
        button.replaceWith(r.outcome || r.detail);
        setTimeout(showQueues, 500);
      };
      return el('div', { class: 'message' }, el('code', {}, m.body.length > 200 ? m.body.slice(0, 199) + '…' : m.body), ' ', button);
    }))));
}

// ---- parked events: owed events the bus refused for good, with the reason
async function showParked() {
  const parked = await api('parked');
  document.getElementById('parked-events').replaceChildren(parked.length === 0 ? el('p', { class: 'muted' }, 'none') :
    el('ul', {}, ...parked.map(p => el('li', { class: 'parked', 'data-event': p.eventId },
      el('code', {}, p.table + ' ' + JSON.stringify(p.key)), ' ' + p.detailType + ' ' + p.eventId + ': ' + p.reason + ' (' + p.parkedAt + ')'))));
}

// ---- replay by time range
function replayForm() {
  const now = new Date(), local = d => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 19);
  document.getElementById('replay-from').value = local(new Date(now.getTime() - 15 * 60000));
  document.getElementById('replay-to').value = local(now);
  document.getElementById('replay-form').onsubmit = async e => {
    e.preventDefault();
    const iso = id => new Date(document.getElementById(id).value).toISOString();
    const r = await api('replay?from=' + iso('replay-from') + '&to=' + iso('replay-to'), { method: 'POST' });
    document.getElementById('replay-result').textContent = r.name ? r.name + ': ' + r.count + ' events sent again' : r.detail;
  };
}

document.getElementById('journey-form').onsubmit = e => {
  e.preventDefault();
  journeyId = document.getElementById('journey-id').value.trim();
  showJourney();
};
const params = new URLSearchParams(location.search);
if (params.get('journey')) {
  journeyId = params.get('journey');
  document.getElementById('journey-id').value = journeyId;
}
api('flow').then(drawFlow);
poll();
showJourney();
setInterval(showJourney, 2000);
showQueues();
setInterval(showQueues, 5000);
showParked();
setInterval(showParked, 5000);
replayForm();
