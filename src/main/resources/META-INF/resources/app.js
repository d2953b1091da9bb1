// thetaevolve web page: hash routes over the public read API, a live SVG plot fed by /history and then
// server-sent events, program lineage and a client-side line diff. No external scripts.
'use strict';

const view = document.getElementById('view');
let live = null; // the EventSource of the page on screen, closed on navigation

function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v == null) continue;
    if (k === 'class') el.className = v; else el.setAttribute(k, v);
  }
  for (const c of children.flat()) if (c != null) el.append(c instanceof Node ? c : String(c));
  return el;
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  const body = await r.json().catch(() => null);
  if (!r.ok) throw new Error((body && body.message) || (r.status + ' ' + r.statusText));
  return body;
}

const fmt = (x, digits = 10) => x == null ? '–' : Number(x).toPrecision(digits).replace(/(\.\d*?)0+$/, '$1').replace(/\.$/, '');
// every score on the page is shown the same way: its shortest exact decimal (what the API sent), never cut
const score = x => x == null ? '–' : String(Number(x));
const date = s => s ? new Date(s).toLocaleString() : '–';
const badge = s => h('span', { class: 'badge ' + s }, s);
// samples that never arrived, by cause ({"CONNECTION": 3}); nothing when none failed
const failedSamples = m => {
  const causes = Object.entries(m || {}).filter(([, n]) => n > 0);
  if (!causes.length) return null;
  const total = causes.reduce((t, [, n]) => t + n, 0);
  return h('div', { id: 'sample-failures', title: causes.map(([c, n]) => c + ': ' + n).join(', ') }, 'failed samples',
    h('b', { class: 'error' }, total + ' (' + causes.map(([c, n]) => c + ' ' + n).join(', ') + ')'));
};

function show(...nodes) {
  view.replaceChildren(...nodes.filter(n => n != null));
}

// ---- problems ----------------------------------------------------------------------------------------
async function problems() {
  const list = await api('/api/problems');
  show(h('h1', {}, 'Problems'),
    h('table', { id: 'problems' },
      h('thead', {}, h('tr', {}, ['Problem', 'Direction', 'Best known', 'AlphaEvolve', 'Our best', 'Construction', ''].map(t => h('th', {}, t)))),
      h('tbody', {}, list.map(p => h('tr', {},
        h('td', {}, h('a', { href: '#/problem/' + p.id }, p.id), h('div', { class: 'muted' }, p.title)),
        h('td', {}, p.direction),
        h('td', { class: 'num', title: p.bestKnown.source + (p.bestKnown.check ? ' · check: ' + p.bestKnown.check : '') }, score(p.bestKnown.value)),
        h('td', { class: 'num', title: p.bestKnown.alphaEvolve ? p.bestKnown.alphaEvolve.source : '' }, p.bestKnown.alphaEvolve ? score(p.bestKnown.alphaEvolve.value) : '–'),
        h('td', { class: 'num' }, score(p.ourBest)),
        h('td', {}, p.ourBest != null ? thumb('/api/leaderboards/' + p.id + '/best/construction.svg', '#/problem/' + p.id, 'best construction of ' + p.id) : null),
        h('td', {}, h('a', { href: '#/problem/' + p.id }, 'leaderboard')))))));
}

// ---- leaderboard -------------------------------------------------------------------------------------
async function leaderboard(id) {
  const [p, board, runs] = await Promise.all([api('/api/problems/' + id), api('/api/leaderboards/' + id), api('/api/runs')]);
  const provenance = e => e.submitter != null ? h('span', {}, 'submitted by ', h('b', {}, e.submitter))
    : h('span', {}, h('a', { href: '#/run/' + e.runId }, 'run ' + e.runId), ' · ', h('a', { href: '#/program/' + e.programId }, 'program'));
  show(h('h1', {}, p.title),
    h('div', { class: 'card' },
      h('div', { class: 'stats' },
        h('div', {}, 'direction', h('b', {}, p.direction)),
        h('div', {}, 'best known', h('b', { class: 'num' }, score(board.bestKnown.value))),
        h('div', {}, 'our best', h('b', { class: 'num' }, board.entries.length ? score(board.entries[0].score) : '–')),
        board.beatsBestKnown ? h('div', {}, h('span', { class: 'badge beats' }, 'beats the best known bound')) : null),
      h('p', { class: 'muted' }, 'Best known: ' + board.bestKnown.source + (board.bestKnown.check ? ' (check: ' + board.bestKnown.check + ')' : '')
        + (board.bestKnown.alphaEvolve ? ' · AlphaEvolve (2025): ' + score(board.bestKnown.alphaEvolve.value) : ''))),
    h('h2', {}, 'Leaderboard'),
    h('table', { id: 'leaderboard' },
      h('thead', {}, h('tr', {}, ['#', 'Score', 'From', 'Date', 'Construction'].map(t => h('th', {}, t)))),
      h('tbody', {}, board.entries.map((e, i) => h('tr', {},
        h('td', {}, i + 1), h('td', { class: 'num' }, score(e.score)), h('td', {}, provenance(e)), h('td', {}, date(e.createdAt)),
        h('td', { class: 'construction' },
          thumb('/api/leaderboards/' + id + '/entries/' + e.id + '/construction.svg', '#/entry/' + id + '/' + e.id, 'construction of entry ' + e.id),
          h('div', {}, h('a', { href: '#/entry/' + id + '/' + e.id }, 'drawing'), ' · ',
            h('a', { href: '/api/leaderboards/' + id + '/entries/' + e.id + '/construction.svg' }, 'SVG'), ' · ',
            h('a', { href: '/api/leaderboards/' + id + '/entries/' + e.id + '/construction' }, 'JSON'))))))),
    board.entries.length ? null : h('p', { class: 'muted' }, 'No verified construction yet.'),
    h('h2', {}, 'Runs on this problem'),
    runsTable(runs.filter(r => r.problem === id)));
}

// ---- drawings of constructions ------------------------------------------------------------------------
/** A small picture linking to a page; hidden when the drawing cannot be had. */
function thumb(src, href, alt) {
  const img = h('img', { class: 'thumb', src, alt, loading: 'lazy' });
  img.addEventListener('error', () => { img.style.display = 'none'; });
  return h('a', { href }, img);
}

/** The drawing at url, inlined (its shapes are in the DOM), with links to it and to its JSON; null when there is none. */
async function drawing(url, jsonUrl, attrs) {
  const r = await fetch(url, { headers: { Accept: 'image/svg+xml' } }).catch(() => null);
  if (!r || !r.ok) return null;
  const svg = new DOMParser().parseFromString(await r.text(), 'image/svg+xml').documentElement;
  if (!svg || svg.nodeName !== 'svg') return null;
  const node = document.importNode(svg, true);
  node.removeAttribute('width');
  node.removeAttribute('height');
  return h('div', Object.assign({ class: 'card drawing', id: 'construction' }, attrs || {}), node,
    h('div', { class: 'muted' }, h('a', { href: url }, 'SVG'), ' · ', h('a', { href: jsonUrl }, 'JSON')));
}

async function entry(problem, id) {
  const board = await api('/api/leaderboards/' + problem);
  const i = board.entries.findIndex(e => String(e.id) === String(id));
  if (i < 0) throw new Error('no entry ' + id + ' on the leaderboard of ' + problem);
  const e = board.entries[i];
  const base = '/api/leaderboards/' + problem + '/entries/' + e.id + '/construction';
  show(h('h1', { id: 'entry-page' }, h('a', { href: '#/problem/' + problem }, problem), ' › entry #' + (i + 1)),
    h('div', { class: 'card' }, h('div', { class: 'stats' },
      h('div', {}, 'rank', h('b', {}, i + 1)), h('div', {}, 'score', h('b', { class: 'num' }, score(e.score))),
      h('div', {}, 'from', h('b', {}, e.submitter != null ? e.submitter : h('a', { href: '#/run/' + e.runId }, 'run ' + e.runId))),
      h('div', {}, 'date', h('b', {}, date(e.createdAt))))),
    await drawing(base + '.svg', base, { 'data-entry': e.id }));
}

function runsTable(runs) {
  return h('table', { id: 'runs' },
    h('thead', {}, h('tr', {}, ['Run', 'Problem', 'Status', 'Step', 'Evaluations', 'Best', 'Seed', 'Created'].map(t => h('th', {}, t)))),
    h('tbody', {}, runs.slice().reverse().map(r => h('tr', {},
      h('td', {}, h('a', { href: '#/run/' + r.id }, r.name)), h('td', {}, r.problem), h('td', {}, badge(r.status)),
      h('td', { class: 'num' }, r.step), h('td', { class: 'num' }, r.evaluations), h('td', { class: 'num' }, score(r.best)),
      h('td', { class: 'num' }, score(r.seedScore)), h('td', {}, date(r.createdAt))))));
}

async function runs() {
  show(h('h1', {}, 'Runs'), runsTable(await api('/api/runs')));
}

// ---- the live plot -----------------------------------------------------------------------------------
const SVG = 'http://www.w3.org/2000/svg';
function s(tag, attrs, text) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  if (text != null) el.textContent = text;
  return el;
}

/** About n round tick values (steps of 1, 2 or 5 × 10^k) covering [lo, hi]. */
function niceTicks(lo, hi, n = 5) {
  const raw = (hi - lo) / n, mag = Math.pow(10, Math.floor(Math.log10(raw))), f = raw / mag;
  const step = (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * mag;
  const ticks = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number((Math.round(v / step) * step).toPrecision(12)));
  return { ticks, step };
}
/** A tick's label with just the decimals its step needs (0.25 steps: 2 decimals; 1000 steps: none). */
function tickLabel(v, step) {
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  return Math.abs(v) >= 1e6 || (v !== 0 && Math.abs(v) < 1e-4) ? v.toExponential(Math.max(0, decimals + Math.floor(Math.log10(Math.abs(v))))) : v.toFixed(decimals);
}

/** Best score against cumulative evaluations; redrawn whole on each point (the server sends at most ~1000). */
function drawPlot(svg, points, bestKnown) {
  const W = 800, H = 300, L = 70, R = 16, T = 14, B = 36;
  svg.setAttribute('viewBox', `0 0 ${W} ${H}`);
  svg.replaceChildren();
  const pts = points.filter(p => p.best != null);
  svg.setAttribute('data-points', pts.length);
  if (!pts.length) {
    svg.append(s('text', { x: W / 2, y: H / 2, 'text-anchor': 'middle' }, 'waiting for the first step…'));
    return;
  }
  const xs = pts.map(p => p.evaluations), ys = pts.map(p => p.best);
  let x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  // the best known bound is always on the plot, however far the run still is from it
  if (bestKnown != null) { y0 = Math.min(y0, bestKnown); y1 = Math.max(y1, bestKnown); }
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) { y0 -= Math.abs(y0) * 0.01 || 1; y1 += Math.abs(y1) * 0.01 || 1; }
  const pad = (y1 - y0) * 0.08; y0 -= pad; y1 += pad;
  const X = v => L + (v - x0) / (x1 - x0) * (W - L - R), Y = v => H - B - (v - y0) / (y1 - y0) * (H - T - B);
  const yt = niceTicks(y0, y1), xt = niceTicks(x0, x1);
  for (const v of yt.ticks) {
    svg.append(s('line', { class: 'gridline', x1: L, x2: W - R, y1: Y(v), y2: Y(v) }), s('text', { class: 'tick', x: L - 6, y: Y(v) + 4, 'text-anchor': 'end' }, tickLabel(v, yt.step)));
  }
  for (const u of xt.ticks) {
    if (u !== Math.round(u)) continue; // evaluations are whole
    svg.append(s('text', { class: 'tick', x: X(u), y: H - B + 16, 'text-anchor': 'middle' }, tickLabel(u, Math.max(1, xt.step))));
  }
  svg.append(s('line', { class: 'axis', x1: L, x2: L, y1: T, y2: H - B }), s('line', { class: 'axis', x1: L, x2: W - R, y1: H - B, y2: H - B }));
  svg.append(s('text', { x: (W + L) / 2, y: H - 4, 'text-anchor': 'middle' }, 'evaluations'));
  if (bestKnown != null && bestKnown >= y0 && bestKnown <= y1) {
    svg.append(s('line', { class: 'ref', x1: L, x2: W - R, y1: Y(bestKnown), y2: Y(bestKnown) }),
      s('text', { x: W - R, y: Y(bestKnown) - 4, 'text-anchor': 'end' }, 'best known ' + score(bestKnown)));
  }
  // best-so-far is a step function: hold each value until the next point
  let d = '';
  pts.forEach((p, i) => { d += (i ? ` H${X(p.evaluations)} V${Y(p.best)}` : `M${X(p.evaluations)} ${Y(p.best)}`); });
  svg.append(s('path', { class: 'line', d }));
  for (const p of pts) svg.append(s('circle', { class: 'pt', cx: X(p.evaluations), cy: Y(p.best), r: 2.5 }, null));
}

// ---- diff ---------------------------------------------------------------------------------------------
/** Line diff by longest common subsequence; unchanged stretches are folded to 3 lines of context. */
function lineDiff(a, b) {
  const A = a.split('\n'), B = b.split('\n');
  if (A.length * B.length > 4e6) return [{ t: 'gap', s: 'too large to diff' }];
  const n = A.length, m = B.length, L = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = A[i] === B[j] ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out = [];
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && A[i] === B[j]) { out.push({ t: 'ctx', s: '  ' + A[i] }); i++; j++; }
    else if (i < n && (j === m || L[i + 1][j] >= L[i][j + 1])) { out.push({ t: 'del', s: '- ' + A[i] }); i++; }
    else { out.push({ t: 'add', s: '+ ' + B[j] }); j++; }
  }
  const keep = out.map((l, k) => l.t !== 'ctx' || out.slice(Math.max(0, k - 3), k + 4).some(x => x.t !== 'ctx'));
  const folded = [];
  out.forEach((l, k) => { if (keep[k]) folded.push(l); else if (folded.length === 0 || folded[folded.length - 1].t !== 'gap') folded.push({ t: 'gap', s: '  …' }); });
  return folded;
}

function diffView(parent, child) {
  const lines = lineDiff(parent.code || '', child.code || '');
  return h('div', { class: 'diff', id: 'diff' }, lines.map(l => h('div', { class: l.t }, l.s)));
}

// ---- a program: code, lineage, diff to its parent -------------------------------------------------------
async function programPanel(id) {
  const p = await api('/api/programs/' + id);
  const parent = p.parentId != null ? await api('/api/programs/' + p.parentId) : null;
  const picture = await drawing('/api/programs/' + p.id + '/construction.svg', '/api/programs/' + p.id + '/construction', { 'data-program': p.id });
  return h('div', { id: 'program', 'data-id': p.id },
    h('div', { class: 'card' },
      h('div', { class: 'stats' },
        h('div', {}, 'program', h('b', {}, '#' + p.seq)), h('div', {}, 'status', h('b', {}, p.status)),
        h('div', {}, 'score', h('b', { class: 'num' }, score(p.score))), h('div', {}, 'reward', h('b', { class: 'num' }, fmt(p.reward, 8))),
        h('div', {}, 'compiler', h('b', {}, p.tier || '–'))),
      p.summary ? h('p', {}, p.summary) : null,
      p.feedback ? h('p', { class: 'error' }, p.feedback) : null,
      Object.keys(p.metrics || {}).length ? h('p', { class: 'muted' }, Object.entries(p.metrics).map(([k, v]) => k + ' = ' + fmt(v, 8)).join(' · ')) : null),
    picture,
    h('div', { class: 'grid2' },
      h('div', {}, h('h2', {}, 'Code'), h('pre', { class: 'code', id: 'best-code' }, p.code || '(no code: the sample held no applicable diff)')),
      h('div', {},
        h('h2', {}, parent ? 'Diff from parent #' + parent.seq : 'Diff'),
        parent ? diffView(parent, p) : h('p', { class: 'muted' }, 'The seed program has no parent.'),
        h('h2', {}, 'Lineage'),
        p.lineage.length ? h('ol', { class: 'lineage', id: 'lineage' }, p.lineage.map(q => h('li', {},
          h('a', { href: '#/program/' + q.id }, '#' + q.seq), ' ', score(q.score), q.summary ? h('span', { class: 'muted' }, ' — ' + q.summary) : null)))
          : h('p', { class: 'muted' }, 'seed program'))));
}

async function program(id) {
  const panel = await programPanel(id);
  const p = await api('/api/programs/' + id);
  show(h('h1', { id: 'program-page' }, h('a', { href: '#/run/' + p.runId }, 'run ' + p.runId), ' › program #' + p.seq), panel);
}

// ---- a run, live ----------------------------------------------------------------------------------------
async function run(id) {
  const r = await api('/api/runs/' + id);
  const prob = await api('/api/problems/' + r.problem).catch(() => null);
  const points = await api('/api/runs/' + id + '/history');
  const svg = s('svg', { class: 'plot', id: 'plot' });
  const stats = h('div', { class: 'stats', id: 'run-stats' });
  const best = h('div', { id: 'best' });
  const fill = d => stats.replaceChildren(...[
    h('div', {}, 'status', h('b', {}, badge(d.status))), h('div', {}, 'step', h('b', {}, d.step)),
    h('div', {}, 'evaluations', h('b', {}, d.evaluations)), h('div', {}, 'best', h('b', { class: 'num' }, score(d.best.score))),
    h('div', {}, 'seed', h('b', { class: 'num' }, score(d.seedScore))), h('div', {}, 'valid', h('b', {}, d.rates.validPercent.toFixed(1) + ' %')),
    h('div', {}, 'eval/s', h('b', {}, d.rates.evaluationsPerSecond.toFixed(1))),
    failedSamples(d.sampleFailures), d.message ? h('div', { class: 'error' }, d.message) : null].filter(n => n != null));
  const refreshBest = async programId => { if (programId != null) best.replaceChildren(h('h2', {}, 'Best program'), await programPanel(programId)); };
  fill(r);
  show(h('h1', {}, 'Run ', r.name, ' ', h('span', { class: 'muted' }, '· ', h('a', { href: '#/problem/' + r.problem }, r.problem), ' · ', r.mutator)),
    h('div', { class: 'card' }, stats), h('h2', {}, 'Best score against evaluations'), h('div', { class: 'card' }, svg), best);
  const bestKnown = prob ? prob.bestKnown.value : null;
  drawPlot(svg, points, bestKnown);
  await refreshBest(r.best.programId);
  if (['FINISHED', 'STOPPED', 'FAILED', 'BUDGET_EXHAUSTED'].includes(r.status)) return;
  const after = points.length ? points[points.length - 1].step : 0;
  live = new EventSource('/api/runs/' + id + '/events?after=' + after);
  // each step event updates the card from its own data; the run itself is fetched at most every 10 s
  let cur = r, fetched = Date.now();
  live.addEventListener('step', async e => {
    const d = JSON.parse(e.data);
    points.push({ step: d.step, evaluations: d.evaluations, best: d.best });
    drawPlot(svg, points, bestKnown);
    cur = Object.assign({}, cur, { step: d.step, evaluations: d.evaluations, best: Object.assign({}, cur.best, { score: d.best }) });
    if (Date.now() - fetched >= 10000) { fetched = Date.now(); cur = await api('/api/runs/' + id); }
    fill(cur);
  });
  live.addEventListener('best', e => refreshBest(JSON.parse(e.data).programId));
  const end = async () => { if (live) live.close(); live = null; fill(await api('/api/runs/' + id)); };
  for (const name of ['finished', 'stopped', 'failed']) live.addEventListener(name, end);
}

// ---- router -----------------------------------------------------------------------------------------------
async function route() {
  if (live) { live.close(); live = null; }
  const [, page, id, sub] = (location.hash || '#/').split('/');
  try {
    if (page === 'problem' && id) await leaderboard(decodeURIComponent(id));
    else if (page === 'entry' && id && sub) await entry(decodeURIComponent(id), sub);
    else if (page === 'runs') await runs();
    else if (page === 'run' && id) await run(id);
    else if (page === 'program' && id) await program(id);
    else await problems();
  } catch (e) {
    show(h('p', { class: 'error' }, 'Error: ' + e.message));
  }
}
window.addEventListener('hashchange', route);
route();
