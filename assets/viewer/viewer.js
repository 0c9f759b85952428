// The textkg viewer: draws the graph embedded in the page and shows the
// sentences behind each node and edge. Every string from the graph is
// inserted with textContent, never as HTML.
(function () {
  'use strict';

  const data = JSON.parse(document.getElementById('graph-data').textContent);
  const $ = (id) => document.getElementById(id);
  const TYPES = {
    PERSON: { color: '#8ab8f0', shape: 'ellipse' },
    ORGANIZATION: { color: '#f6bd74', shape: 'round-rectangle' },
    LOCATION: { color: '#8fd3a0', shape: 'hexagon' },
    MISC: { color: '#cfcfcf', shape: 'octagon' },
    DATE: { color: '#f2e38c', shape: 'tag' },
    NUMBER: { color: '#e2a9e2', shape: 'diamond' },
  };
  const KINDS = ['typed', 'open', 'co-mention'];
  // Past this size the canvas draws cheaper edges and hides them while panning.
  const big = data.nodes.length > 1500 || data.edges.length > 3000;

  const nodeById = new Map();
  const nodeDocs = new Map();
  data.nodes.forEach((n) => {
    nodeById.set(n.id, n);
    nodeDocs.set(n.id, new Set(n.mentions.map((m) => m.doc)));
  });
  const edgeById = new Map();
  const edgeDocs = new Map();
  data.edges.forEach((e) => {
    edgeById.set(e.id, e);
    edgeDocs.set(e.id, new Set(e.evidence.map((s) => s.doc)));
  });
  const typesPresent = Object.keys(TYPES).filter((t) => data.nodes.some((n) => n.type === t));
  const kindsPresent = KINDS.filter((k) => data.edges.some((e) => e.kind === k));

  function edgeCaption(e) {
    if (e.kind === 'co-mention') return 'co-mention ×' + e.evidence.length;
    // An open edge's label holds its own "not"; a typed edge's property name does not.
    return (e.negated && e.kind === 'typed' ? 'NOT ' : '') + e.label + (e.hedged ? ' (?)' : '');
  }

  const elements = [];
  data.nodes.forEach((n) => {
    elements.push({
      group: 'nodes',
      data: { id: n.id, label: n.label, type: n.type, size: Math.min(70, 16 + 7 * Math.sqrt(n.mentions.length)) },
      position: { x: n.x, y: n.y },
    });
  });
  data.edges.forEach((e) => {
    elements.push({
      group: 'edges',
      data: { id: e.id, source: e.source, target: e.target, label: edgeCaption(e) },
      classes: [e.kind, e.negated ? 'negated' : '', e.hedged ? 'hedged' : ''].join(' ').trim(),
    });
  });

  const style = [
    { selector: 'node', style: {
      'background-color': '#cfcfcf', 'border-width': 1, 'border-color': '#5b6670',
      width: 'data(size)', height: 'data(size)', label: 'data(label)',
      'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3, color: '#1f2a33',
      'text-wrap': 'ellipsis', 'text-max-width': 160, 'min-zoomed-font-size': big ? 9 : 0,
    } },
    { selector: 'edge', style: {
      width: 1.5, 'line-color': '#8d9aa6', 'target-arrow-color': '#8d9aa6',
      'target-arrow-shape': big ? 'none' : 'triangle', 'curve-style': big ? 'haystack' : 'bezier',
      'control-point-step-size': 28, 'arrow-scale': 0.9,
      label: big ? '' : 'data(label)', 'font-size': 9, color: '#44505b', 'text-rotation': 'autorotate',
      'text-background-color': '#ffffff', 'text-background-opacity': 0.85, 'text-background-padding': 1,
      'min-zoomed-font-size': 6,
    } },
    { selector: 'edge.typed', style: { width: 2.6, 'line-color': '#2f6db5', 'target-arrow-color': '#2f6db5', color: '#1d4c85' } },
    { selector: 'edge.co-mention', style: { 'line-style': 'dotted', 'line-color': '#b8b8b8', 'target-arrow-shape': 'none' } },
    { selector: 'edge.hedged', style: { 'line-style': 'dashed' } },
    { selector: 'edge.negated', style: { 'line-color': '#c0392b', 'target-arrow-color': '#c0392b', color: '#a32c20' } },
    { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#d35400' } },
    { selector: 'node:selected', style: { 'border-width': 5, 'border-color': '#e67e22' } },
    { selector: 'edge:selected', style: { width: 4, 'line-color': '#e67e22', 'target-arrow-color': '#e67e22' } },
    { selector: '.hidden', style: { display: 'none' } },
  ];
  Object.entries(TYPES).forEach(([type, look]) => {
    style.push({ selector: 'node[type="' + type + '"]', style: { 'background-color': look.color, shape: look.shape } });
  });

  const started = performance.now();
  const timings = {};
  const cy = cytoscape({
    container: $('graph'), elements, style, layout: { name: 'preset' },
    minZoom: 0.01, maxZoom: 5, boxSelectionEnabled: false,
    selectionType: 'single', textureOnViewport: big, hideEdgesOnViewport: big,
    pixelRatio: big ? 1 : 'auto', motionBlur: false,
  });

  // The view, kept in the URL fragment so that a link reopens it.
  const defaults = () => ({
    q: '', types: new Set(typesPresent), kinds: new Set(kindsPresent), rel: '', conf: 0,
    iso: false, hops: 0, doc: '', sel: '', zoom: null,
  });
  let state = defaults();

  function readFragment() {
    const p = new URLSearchParams(location.hash.replace(/^#/, ''));
    const s = defaults();
    if (p.has('q')) s.q = p.get('q');
    if (p.has('types')) s.types = new Set(p.get('types').split(',').filter((t) => typesPresent.includes(t)));
    if (p.has('kinds')) s.kinds = new Set(p.get('kinds').split(',').filter((k) => kindsPresent.includes(k)));
    if (p.has('rel')) s.rel = p.get('rel');
    if (p.has('conf')) s.conf = Math.min(1, Math.max(0, parseFloat(p.get('conf')) || 0));
    s.iso = p.get('iso') === '1';
    if (p.has('hops')) s.hops = Math.min(2, Math.max(0, parseInt(p.get('hops'), 10) || 0));
    if (p.has('doc') && data.documents.includes(p.get('doc'))) s.doc = p.get('doc');
    if (p.has('sel')) s.sel = p.get('sel');
    if (p.has('zoom')) {
      const [z, x, y] = p.get('zoom').split(',').map(parseFloat);
      if ([z, x, y].every(Number.isFinite)) s.zoom = { z, x, y };
    }
    return s;
  }

  function writeFragment() {
    const p = new URLSearchParams();
    if (state.q) p.set('q', state.q);
    if (state.types.size !== typesPresent.length) p.set('types', [...state.types].join(','));
    if (state.kinds.size !== kindsPresent.length) p.set('kinds', [...state.kinds].join(','));
    if (state.rel) p.set('rel', state.rel);
    if (state.conf > 0) p.set('conf', state.conf.toFixed(2));
    if (state.iso) p.set('iso', '1');
    if (state.hops) p.set('hops', String(state.hops));
    if (state.doc) p.set('doc', state.doc);
    if (state.sel) p.set('sel', state.sel);
    if (state.zoom) p.set('zoom', [state.zoom.z.toFixed(3), state.zoom.x.toFixed(0), state.zoom.y.toFixed(0)].join(','));
    const fragment = p.toString();
    if (fragment !== location.hash.replace(/^#/, '')) {
      history.replaceState(null, '', fragment ? '#' + fragment : location.pathname + location.search);
    }
  }

  function selectedNode() {
    return state.sel.startsWith('n:') ? state.sel.slice(2) : '';
  }

  // Decides what is drawn: filters first, then search, focus and isolation.
  function visibleSets() {
    const nodeOk = new Set();
    data.nodes.forEach((n) => {
      if (state.types.has(n.type) && (!state.doc || nodeDocs.get(n.id).has(state.doc))) nodeOk.add(n.id);
    });
    let edges = data.edges.filter((e) => state.kinds.has(e.kind) && (!state.rel || e.label === state.rel)
      && e.confidence >= state.conf - 1e-9 && nodeOk.has(e.source) && nodeOk.has(e.target)
      && (!state.doc || edgeDocs.get(e.id).has(state.doc)));
    let nodes = nodeOk;
    const matches = new Set();
    const q = state.q.trim().toLowerCase();
    if (q) {
      nodeOk.forEach((id) => {
        const n = nodeById.get(id);
        if (n.label.toLowerCase().includes(q) || n.aliases.some((a) => a.toLowerCase().includes(q))) matches.add(id);
      });
      edges = edges.filter((e) => matches.has(e.source) || matches.has(e.target));
      nodes = new Set(matches);
      edges.forEach((e) => { nodes.add(e.source); nodes.add(e.target); });
    }
    const focus = selectedNode();
    if (state.hops > 0 && focus && nodes.has(focus)) {
      const near = new Set([focus]);
      for (let hop = 0; hop < state.hops; hop++) {
        const frontier = [];
        edges.forEach((e) => {
          if (near.has(e.source) && !near.has(e.target)) frontier.push(e.target);
          if (near.has(e.target) && !near.has(e.source)) frontier.push(e.source);
        });
        frontier.forEach((id) => near.add(id));
      }
      nodes = new Set([...nodes].filter((id) => near.has(id)));
      edges = edges.filter((e) => nodes.has(e.source) && nodes.has(e.target));
    }
    if (state.iso) {
      const linked = new Set();
      edges.forEach((e) => { linked.add(e.source); linked.add(e.target); });
      nodes = new Set([...nodes].filter((id) => linked.has(id)));
    }
    return { nodes, edges: new Set(edges.map((e) => e.id)), matches };
  }

  // Classes change only where they must: restyling 25,000 elements costs seconds.
  const hiddenNow = new Set();
  const matchedNow = new Set();
  function setClass(ele, cls, on, now) {
    if (now.has(ele.id()) === on) return;
    if (on) now.add(ele.id()); else now.delete(ele.id());
    ele.toggleClass(cls, on);
  }

  function apply() {
    const visible = visibleSets();
    cy.batch(() => {
      cy.nodes().forEach((n) => {
        setClass(n, 'hidden', !visible.nodes.has(n.id()), hiddenNow);
        setClass(n, 'match', visible.matches.has(n.id()), matchedNow);
      });
      cy.edges().forEach((e) => setClass(e, 'hidden', !visible.edges.has(e.id()), hiddenNow));
    });
    $('counts').textContent = visible.nodes.size + ' of ' + data.nodes.length + ' nodes, '
      + visible.edges.size + ' of ' + data.edges.length + ' edges';
    document.body.dataset.drawnNodes = String(visible.nodes.size);
    document.body.dataset.drawnEdges = String(visible.edges.size);
    writeFragment();
  }

  function syncControls() {
    $('search').value = state.q;
    document.querySelectorAll('#types input').forEach((box) => { box.checked = state.types.has(box.value); });
    document.querySelectorAll('#kinds input').forEach((box) => { box.checked = state.kinds.has(box.value); });
    $('relation').value = state.rel;
    $('confidence').value = String(state.conf);
    $('confidence-value').textContent = state.conf.toFixed(2);
    $('isolated').checked = state.iso;
    $('hops').value = String(state.hops);
    $('document').value = state.doc;
  }

  function element(tag, text, className) {
    const el = document.createElement(tag);
    if (text !== undefined) el.textContent = text;
    if (className) el.className = className;
    return el;
  }

  // A sentence with its marks highlighted; overlapping marks keep the first.
  function snippet(s) {
    const li = element('li');
    let at = 0;
    s.marks.forEach(([start, end, which]) => {
      if (start < at) return;
      li.append(document.createTextNode(s.text.slice(at, start)));
      li.append(element('mark', s.text.slice(start, end), which === 1 ? 'target' : ''));
      at = end;
    });
    li.append(document.createTextNode(s.text.slice(at)));
    return li;
  }

  function byDocument(container, heading, snippets) {
    container.append(element('h3', heading));
    data.documents.forEach((doc) => {
      const here = snippets.filter((s) => s.doc === doc);
      if (!here.length) return;
      if (data.documents.length > 1) container.append(element('h3', doc + ' (' + here.length + ')'));
      const list = element('ol');
      here.forEach((s) => list.append(snippet(s)));
      container.append(list);
    });
  }

  function facts(container, rows) {
    const dl = element('dl');
    rows.forEach(([term, value]) => {
      if (value === '' || value === undefined) return;
      dl.append(element('dt', term), element('dd', value));
    });
    container.append(dl);
  }

  function nodeLink(id) {
    const button = element('button', nodeById.get(id).label);
    button.type = 'button';
    button.addEventListener('click', () => select('n:' + id));
    return button;
  }

  function showDetails() {
    const details = $('details');
    details.replaceChildren();
    const [prefix, id] = [state.sel.slice(0, 2), state.sel.slice(2)];
    if (prefix === 'n:' && nodeById.has(id)) {
      const n = nodeById.get(id);
      details.append(element('h2', n.label));
      facts(details, [
        ['Type', n.type], ['Aliases', n.aliases.join(', ')], ['Roles', n.roles.join(', ')],
        ['Mentions', String(n.mentions.length)], ['Edges', String(cy.getElementById(id).degree(false))],
      ]);
      byDocument(details, 'Mentions', n.mentions);
    } else if (prefix === 'e:' && edgeById.has(id)) {
      const e = edgeById.get(id);
      const title = element('h2');
      title.append(nodeLink(e.source), document.createTextNode(' → '), nodeLink(e.target));
      details.append(title);
      const flags = element('p');
      if (e.negated) flags.append(element('span', 'negated', 'flag negated'));
      if (e.hedged) flags.append(element('span', 'hedged', 'flag hedged'));
      facts(details, [
        ['Relation', e.label], ['Kind', e.kind], ['Property', e.relation || ''],
        ['Confidence', e.confidence.toFixed(2)], ['Negated', e.negated ? 'yes' : 'no'],
        ['Hedged', e.hedged ? 'yes' : 'no'],
      ]);
      if (flags.childNodes.length) details.append(flags);
      byDocument(details, 'Evidence', e.evidence);
    } else {
      state.sel = '';
    }
    $('panel').hidden = !state.sel;
  }

  function select(sel) {
    state.sel = sel;
    cy.elements(':selected').unselect();
    if (sel) cy.getElementById(sel.slice(2)).select();
    showDetails();
    apply();
  }

  function buildControls() {
    typesPresent.forEach((type) => {
      const label = element('label', undefined, 'check');
      const box = element('input');
      box.type = 'checkbox';
      box.value = type;
      const swatch = element('span', undefined, 'swatch');
      swatch.style.background = TYPES[type].color;
      label.append(box, swatch, document.createTextNode(type));
      $('types').append(label);
      box.addEventListener('change', () => {
        if (box.checked) state.types.add(type); else state.types.delete(type);
        apply();
      });
    });
    kindsPresent.forEach((kind) => {
      const label = element('label', undefined, 'check');
      const box = element('input');
      box.type = 'checkbox';
      box.value = kind;
      label.append(box, element('span', undefined, 'line ' + kind), document.createTextNode(kind));
      $('kinds').append(label);
      box.addEventListener('change', () => {
        if (box.checked) state.kinds.add(kind); else state.kinds.delete(kind);
        apply();
      });
    });
    [...new Set(data.edges.map((e) => e.label))].sort().forEach((rel) => {
      const option = element('option', rel);
      option.value = rel;
      $('relation').append(option);
    });
    data.documents.forEach((doc) => {
      const option = element('option', doc);
      option.value = doc;
      $('document').append(option);
    });
    $('document-field').hidden = data.documents.length < 2;
    [['typed', 'typed (Wikidata property)'], ['', 'open (the text\'s predicate)'],
      ['co-mention', 'co-mention'], ['hedged', 'hedged (?)'], ['negated', 'negated (red)']]
      .forEach(([cls, text]) => {
        const row = element('div');
        row.append(element('span', undefined, 'line ' + cls), document.createTextNode(text));
        $('legend').append(row);
      });
    $('search').addEventListener('input', () => { state.q = $('search').value; apply(); });
    $('relation').addEventListener('change', () => { state.rel = $('relation').value; apply(); });
    $('confidence').addEventListener('input', () => {
      state.conf = parseFloat($('confidence').value);
      $('confidence-value').textContent = state.conf.toFixed(2);
      apply();
    });
    $('isolated').addEventListener('change', () => { state.iso = $('isolated').checked; apply(); });
    $('hops').addEventListener('change', () => { state.hops = parseInt($('hops').value, 10); apply(); });
    $('document').addEventListener('change', () => { state.doc = $('document').value; apply(); });
    $('close').addEventListener('click', () => select(''));
    $('fit').addEventListener('click', () => cy.fit(cy.elements(':visible'), 30));
    $('reset').addEventListener('click', () => {
      state = defaults();
      syncControls();
      select('');
      cy.fit(cy.elements(':visible'), 30);
    });
  }

  function restore() {
    state = readFragment();
    syncControls();
    cy.elements(':selected').unselect();
    if (state.sel) cy.getElementById(state.sel.slice(2)).select();
    showDetails();
    apply();
    if (state.zoom) {
      cy.viewport({ zoom: state.zoom.z, pan: { x: state.zoom.x, y: state.zoom.y } });
    } else {
      cy.fit(cy.elements(':visible'), 30);
    }
  }

  cy.on('tap', 'node', (event) => select('n:' + event.target.id()));
  cy.on('tap', 'edge', (event) => select('e:' + event.target.id()));
  let viewportTimer = 0;
  cy.on('viewport', () => {
    clearTimeout(viewportTimer);
    viewportTimer = setTimeout(() => {
      state.zoom = { z: cy.zoom(), x: cy.pan().x, y: cy.pan().y };
      writeFragment();
    }, 250);
  });
  window.addEventListener('hashchange', restore);

  document.title = data.title + ' · textkg';
  $('title').textContent = data.title;
  timings.cytoscape = performance.now() - started;
  buildControls();
  restore();
  timings.filters = performance.now() - started - timings.cytoscape;
  // Read by the browser test: how many elements are drawn, and how soon.
  window.textkgViewer = {
    cy,
    drawn: () => ({ nodes: cy.nodes(':visible').length, edges: cy.edges(':visible').length }),
    readyAfterMs: 0,
    timings,
  };
  cy.one('render', () => {
    window.textkgViewer.readyAfterMs = performance.now() - started;
    document.body.dataset.ready = '1';
  });
  cy.forceRender();
})();
