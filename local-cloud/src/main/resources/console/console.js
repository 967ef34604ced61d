// local-cloud's console: plain JavaScript over /console/api (no build, no library).
const api = (path, options) => fetch('/console/api/' + path, options).then(r => r.json());
const el = (tag, attrs = {}, ...children) => {
  const node = document.createElement(tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach(c => node.append(c));
  return node;
};

// ---- the flow, drawn where the server's layout (FlowLayout, from the template) puts each box: columns left to right,
// one band per function with what starts it and its dead-letter queues right below it, arrows only between neighbours
const svgNs = 'http://www.w3.org/2000/svg';
const svgEl = (tag, attrs = {}) => {
  const node = document.createElementNS(svgNs, tag);
  Object.entries(attrs).forEach(([k, v]) => node.setAttribute(k, v));
  return node;
};
// names are never cut: one that does not fit wraps after '-', '/' or '_', or where a word of a long CamelCase name begins
const breakable = text => text.split(/(?<=[-_/\s])/).flatMap(part => part.trim().length > 24 ? part.split(/(?<=[a-z0-9])(?=[A-Z])/) : [part])
  .flatMap((part, i) => i ? [document.createElement('wbr'), part] : [part]);
const FLOW = { maxWidth: { entry: 215, producer: 235, bus: 150, rule: 300, consumer: 240, return: 130 },
  minWidth: 90, gapX: 36, gapY: 10, queueGap: 18, bandGap: 16, sectionGap: 28 };

function drawFlow(graph) {
  const layout = graph.layout;
  const canvas = el('div', { class: 'flow-canvas', 'data-testid': 'flow' });
  document.getElementById('flow-picture').replaceChildren(canvas);
  const boxes = {};
  layout.boxes.forEach(b => {
    const box = el('div', { class: 'box measure ' + b.kind, 'data-box': b.id, 'data-node': b.node || '', 'data-column': b.column,
      title: [b.caption, b.title, ...b.lines].join('\n') },
    el('div', { class: 'caption' }, b.caption), el('div', { class: 'title' }, ...breakable(b.title)),
    ...b.lines.map(l => el('div', { class: 'line' }, ...breakable(l))));
    canvas.append(box);
    boxes[b.id] = box;
  });
  // each column as wide as its widest box's text on one line, up to the column's maximum; the columns side by side
  const x = {}, width = {}, titles = [];
  let left = 0;
  layout.columns.forEach(c => {
    const mine = layout.boxes.filter(b => b.column === c.key).map(b => boxes[b.id]);
    if (mine.length === 0) return;
    width[c.key] = Math.min(FLOW.maxWidth[c.key], Math.max(FLOW.minWidth, ...mine.map(b => Math.ceil(b.getBoundingClientRect().width))));
    x[c.key] = left;
    left += width[c.key] + FLOW.gapX;
    titles.push(el('div', { class: 'column-title', style: `left:${x[c.key]}px;width:${width[c.key]}px` }, c.title));
  });
  canvas.append(...titles);
  Object.values(boxes).forEach(b => {
    b.classList.remove('measure');
    b.style.left = x[b.dataset.column] + 'px';
    b.style.width = width[b.dataset.column] + 'px';
  });
  // sections (one per bus) top to bottom; in each, the producers' bands on the left, the consumers' on the right
  let y = Math.max(...titles.map(t => t.offsetHeight)) + 8;
  layout.sections.forEach(section => {
    const top = y, bottom = { left: top, right: top };
    section.bands.forEach(band => {
      const bandTop = bottom[band.side];
      let bandBottom = bandTop;
      Object.values(band.cells).forEach(cell => {
        let cy = bandTop;
        cell.forEach((id, i) => {
          const box = boxes[id];
          // room for the short arrow from a function to its queue, from a copy of the bus to its rule, or from a rule to its queue
          if (i > 0) cy += box.classList.contains('queue') || box.classList.contains('source-queue')
            || boxes[cell[i - 1]].classList.contains('bus-copy') ? FLOW.queueGap : FLOW.gapY;
          box.style.top = cy + 'px';
          cy += box.offsetHeight;
        });
        bandBottom = Math.max(bandBottom, cy);
      });
      bottom[band.side] = bandBottom + FLOW.bandGap;
    });
    y = Math.max(bottom.left, bottom.right) - FLOW.bandGap;
    if (section.bus) {
      const bus = boxes[section.bus];
      bus.style.top = top + 'px';
      bus.style.height = Math.max(y - top, bus.offsetHeight) + 'px';
      y = Math.max(y, top + bus.offsetHeight);
    }
    y += FLOW.sectionGap;
  });
  const size = { width: left - FLOW.gapX, height: y - FLOW.sectionGap + 2 };
  canvas.style.width = size.width + 'px';
  canvas.style.height = size.height + 'px';
  canvas.prepend(flowLinks(layout.links, boxes, size));

  const body = document.querySelector('#rules tbody');
  body.replaceChildren(...graph.rules.map(r => el('tr', {},
    el('td', {}, r.name + ' (' + r.bus + ')'), el('td', { title: r.pattern }, r.summary), el('td', {}, r.function),
    el('td', {}, r.deadLetterQueue || '-'), el('td', {}, r.onFailure || '-'))));
}

// an arrow from a box to the next column: straight where the two boxes face each other, else a gentle curve; from a
// function to its queue below it, or from a copy of the bus to the rule below it: a short drop
function flowLinks(links, boxes, size) {
  const svg = svgEl('svg', { width: size.width, height: size.height });
  const defs = svgEl('defs');
  [['arrow', '#5f6b78'], ['arrow-failure', '#b3261e']].forEach(([id, colour]) => {
    const marker = svgEl('marker', { id, viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(svgEl('path', { d: 'M0,0 L8,4 L0,8 z', fill: colour }));
    defs.append(marker);
  });
  svg.append(defs);
  const rect = b => ({ left: b.offsetLeft, top: b.offsetTop, right: b.offsetLeft + b.offsetWidth, bottom: b.offsetTop + b.offsetHeight });
  links.forEach(link => {
    const a = rect(boxes[link.from]), b = rect(boxes[link.to]);
    let d;
    if (b.left < a.right) {
      const cx = a.left + 18;
      d = `M${cx},${a.bottom} L${cx},${b.top}`;
    } else {
      const overlapTop = Math.max(a.top, b.top) + 6, overlapBottom = Math.min(a.bottom, b.bottom) - 6;
      if (overlapBottom >= overlapTop) {
        const ly = Math.round((overlapTop + overlapBottom) / 2);
        d = `M${a.right},${ly} L${b.left},${ly}`;
      } else {
        const y1 = (a.top + a.bottom) / 2, y2 = (b.top + b.bottom) / 2, mid = (a.right + b.left) / 2;
        d = `M${a.right},${y1} C${mid},${y1} ${mid},${y2} ${b.left},${y2}`;
      }
    }
    const path = svgEl('path', { d, class: 'edge' + (link.failure ? ' failure' : ''), 'data-from': link.from, 'data-to': link.to,
      'marker-end': 'url(#' + (link.failure ? 'arrow-failure' : 'arrow') + ')' });
    const title = svgEl('title');
    title.textContent = link.label;
    path.append(title);
    svg.append(path);
  });
  return svg;
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

// ---- throttles of the modelled AWS quotas, one line per part
async function showThrottles() {
  const parts = Object.entries((await api('throttles')).throttles);
  document.getElementById('throttle-counts').replaceChildren(parts.length === 0 ? el('p', { class: 'muted' }, 'none') :
    el('ul', {}, ...parts.map(([part, count]) => el('li', { class: 'throttle', 'data-part': part },
      el('code', {}, part), ': ' + count + ' throttled'))));
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
showThrottles();
setInterval(showThrottles, 2000);
replayForm();
