// What the console's flow drawing promises, checked in the page against the graph /console/api/flow gives (run in
// the browser by page.evaluate; knows the drawing only by its [data-node] boxes and its path.edge arrows):
// - every node is drawn with its name and label whole, no text outside its box;
// - each dead-letter queue is drawn right beside a function that fails into it (or whose rule or queue does);
// - the columns are in order: entry points, producers, bus, rules, consumers;
// - no arrow runs across the drawing (each spans less than 30% of its width), and the drawing fits its panel.
// Returns the broken promises, one sentence each (an empty list: all kept).
'use strict';

function layoutProblems(graph) {
  const problems = [];
  const all = [...document.querySelectorAll('[data-node]')].filter(e => e.dataset.node);
  const shape = e => e.querySelector(':scope > rect') || e;
  const rectOf = e => shape(e).getBoundingClientRect();
  const drawnAs = id => all.filter(e => e.dataset.node === id);
  const kind = Object.fromEntries(graph.nodes.map(n => [n.id, n.kind]));
  const flat = s => s.replace(/\s+/g, ' ').trim();
  // what the box shows: its text, not the tooltips (an SVG <title> holds the whole label even where the text is cut)
  const textNodes = box => {
    const nodes = [];
    const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (t.textContent.trim() && !t.parentElement.closest('title')) nodes.push(t);
    }
    return nodes;
  };

  for (const node of graph.nodes) {
    const boxes = drawnAs(node.id);
    if (boxes.length === 0) problems.push(node.id + ' is not drawn');
    for (const box of boxes) {
      const text = flat(textNodes(box).map(t => t.textContent).join(' '));
      const joined = text.replace(/ /g, '');
      node.label.split(/\n| · /).filter(p => p).forEach(piece => {
        if (!joined.includes(piece.replace(/\s+/g, ''))) problems.push(node.id + ' does not show "' + piece + '" whole: "' + text + '"');
      });
      const outer = rectOf(box);
      const inside = r => r.width === 0 || (r.left >= outer.left - 0.5 && r.right <= outer.right + 0.5
        && r.top >= outer.top - 0.5 && r.bottom <= outer.bottom + 0.5);
      for (const t of textNodes(box)) {
        const range = document.createRange();
        range.selectNodeContents(t);
        if (![...range.getClientRects()].every(inside)) problems.push(node.id + ': "' + flat(t.textContent) + '" runs out of its box');
      }
      if (!(box instanceof SVGElement) && (box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1)) {
        problems.push(node.id + "'s box clips its text (" + box.scrollWidth + 'x' + box.scrollHeight + ' in ' + box.clientWidth + 'x' + box.clientHeight + ')');
      }
    }
  }

  const gap = (a, b) => Math.hypot(Math.max(0, b.left - a.right, a.left - b.right), Math.max(0, b.top - a.bottom, a.top - b.bottom));
  // the function a rule or a queue hands its events to: directly, or through a queue the function reads
  const readsFrom = q => graph.edges.find(e => e.from === q && !e.failure && kind[e.to] === 'function');
  const targetOf = from => readsFrom(from) || graph.edges.filter(e => e.from === from && !e.failure && kind[e.to] === 'queue')
    .map(e => readsFrom(e.to)).find(e => e);
  for (const edge of graph.edges.filter(e => e.failure && kind[e.to] === 'queue')) {
    const fn = kind[edge.from] === 'function' ? edge.from : (targetOf(edge.from) || {}).to;
    const near = drawnAs(edge.to).some(q => drawnAs(fn).some(f => gap(rectOf(q), rectOf(f)) <= 40));
    if (!near) problems.push(edge.to + ' is not drawn beside ' + fn + ' (which sends it failures)');
  }

  // a copy of the bus stands where it is used: right of a consumer that publishes, above a rule on another section's bus
  const isCopy = e => e.classList.contains('bus-return') || e.classList.contains('bus-copy');
  const ruleTargets = new Set(graph.nodes.filter(n => kind[n.id] === 'rule').map(n => targetOf(n.id)).filter(e => e).map(e => e.to));
  const publishers = new Set(graph.edges.filter(e => e.label === 'PutEvents').map(e => e.from));
  const roles = [
    ['entry points', id => kind[id] === 'api' || kind[id] === 'schedule'],
    ['producers', id => kind[id] === 'function' && publishers.has(id) && !ruleTargets.has(id)],
    ['buses', id => kind[id] === 'bus'],
    ['rules', id => kind[id] === 'rule'],
    ['consumers', id => ruleTargets.has(id)],
  ].map(([name, test]) => [name, all.filter(e => test(e.dataset.node) && !isCopy(e)).map(rectOf)]);
  for (let i = 0; i + 1 < roles.length; i++) {
    const [name, rects] = roles[i], [nextName, nextRects] = roles[i + 1];
    if (rects.length && nextRects.length && Math.max(...rects.map(r => r.right)) > Math.min(...nextRects.map(r => r.left)) + 0.5) {
      problems.push('the ' + name + ' are not all left of the ' + nextName);
    }
  }

  const picture = document.getElementById('flow-picture');
  if (picture && picture.scrollWidth > picture.clientWidth + 1) {
    problems.push('the drawing (' + picture.scrollWidth + ' px) does not fit its panel (' + picture.clientWidth + ' px)');
  }

  const boxes = all.map(rectOf);
  const width = Math.max(...boxes.map(r => r.right)) - Math.min(...boxes.map(r => r.left));
  for (const path of document.querySelectorAll('path.edge')) {
    const r = path.getBoundingClientRect();
    if (r.width > 0.3 * width) {
      problems.push('an arrow ' + (path.dataset.from ? path.dataset.from + ' -> ' + path.dataset.to + ' ' : '')
        + 'spans ' + Math.round(r.width) + ' of the drawing\'s ' + Math.round(width) + ' px');
    }
  }
  return problems;
}

module.exports = { layoutProblems };
