// Accel Advisor report panel. Renders the view-model the extension posts (src/report/view-model.ts).
// Every value goes into the page through textContent or SVG attributes, never innerHTML; the
// findings table renders one page at a time so 10,000 findings stay fast. The pure helpers at the
// top are also loaded by the unit tests (module.exports at the bottom).
(function () {
  'use strict';

  const PAGE = 200;
  const SEVERITY_ORDER = ['error', 'warning', 'info'];

  function formatUsd(n, whole) {
    if (n === null || n === undefined) return 'unknown';
    const sign = n < 0 ? '−' : '';
    const digits = whole ? 0 : 2;
    return sign + '$' + Math.abs(n).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }

  /** Filters rows by facet values ('' = any) and a case-insensitive search over the visible text. */
  function filterRows(rows, f) {
    const q = (f.search || '').trim().toLowerCase();
    const terms = q ? q.split(/\s+/) : [];
    const out = [];
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i];
      if (f.category && r.category !== f.category) continue;
      if (f.severity && r.severity !== f.severity) continue;
      if (f.target && r.target !== f.target) continue;
      if (f.file && r.file !== f.file) continue;
      if (terms.length) {
        const hay = (r.ruleId + ' ' + r.file + ':' + r.line + ' ' + r.message + ' ' + r.advice + ' ' + (r.instanceType || '') + ' ' + (r.suggested || '')).toLowerCase();
        let all = true;
        for (const t of terms) if (hay.indexOf(t) === -1) { all = false; break; }
        if (!all) continue;
      }
      out.push(r);
    }
    return out;
  }

  /** Scale for the cost chart: the largest bar fills the width. */
  function barWidths(bars, width) {
    let max = 0;
    for (const b of bars) max = Math.max(max, b.monthly, b.suggestedMonthly || 0);
    return bars.map((b) => ({
      now: max ? (b.monthly / max) * width : 0,
      then: max && b.suggestedMonthly !== null ? (b.suggestedMonthly / max) * width : 0,
    }));
  }

  if (typeof module === 'object' && module.exports) {
    module.exports = { filterRows, formatUsd, barWidths, PAGE };
  }
  if (typeof acquireVsCodeApi !== 'function') return;

  // ---------------------------------------------------------------- the page
  const vscode = acquireVsCodeApi();
  const saved = vscode.getState() || {};
  const state = {
    filters: Object.assign({ category: '', severity: '', target: '', file: '', search: '' }, saved.filters || {}),
    shown: PAGE,
    model: null,
    highlight: null,
  };
  const app = document.getElementById('app');
  const SVG = 'http://www.w3.org/2000/svg';

  function el(tag, props, children) {
    const e = document.createElement(tag);
    if (props) {
      for (const k of Object.keys(props)) {
        const v = props[k];
        if (v === undefined || v === null) continue;
        if (k === 'text') e.textContent = String(v);
        else if (k === 'class') e.className = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, String(v));
      }
    }
    for (const c of children || []) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }
  function svg(tag, attrs, children) {
    const e = document.createElementNS(SVG, tag);
    for (const k of Object.keys(attrs || {})) e.setAttribute(k, String(attrs[k]));
    for (const c of children || []) if (c) e.appendChild(c);
    return e;
  }
  function persist() {
    vscode.setState({ filters: state.filters });
  }

  function header(m) {
    return el('header', { class: 'head' }, [
      el('div', {}, [
        el('h1', { text: 'Accel Advisor report' }),
        el('div', { class: 'muted', text: m.root }),
        el('div', { class: 'muted small', text: 'Prices: ' + m.pricing.label }),
      ]),
      el('div', { class: 'actions' }, [
        el('button', { text: 'Rescan', onclick: () => vscode.postMessage({ type: 'rescan' }) }),
        el('button', { text: 'Export…', class: 'secondary', onclick: () => vscode.postMessage({ type: 'export' }) }),
      ]),
    ]);
  }

  function scoreCard(m) {
    const level = m.score >= 60 ? 'high' : m.score >= 25 ? 'medium' : 'low';
    const meter = svg('svg', { class: 'meter', viewBox: '0 0 100 8', preserveAspectRatio: 'none', role: 'img', 'aria-label': 'lock-in score ' + m.score + ' of 100' }, [
      svg('rect', { x: 0, y: 0, width: 100, height: 8, class: 'meter-track' }),
      svg('rect', { x: 0, y: 0, width: Math.max(0, Math.min(100, m.score)), height: 8, class: 'meter-fill ' + level }),
    ]);
    return el('section', { class: 'card score' }, [
      el('div', { class: 'label', text: 'Lock-in score' }),
      el('div', { class: 'big ' + level, text: String(m.score) }),
      meter,
      el('div', { class: 'muted small', text: '0 = portable · 100 = deeply tied to NVIDIA GPUs / x86' }),
    ]);
  }

  function moneyCards(m) {
    const t = m.totals;
    const cards = [
      ['Instances now', formatUsd(t.monthly, true) + '/mo'],
      ['With counterparts', formatUsd(t.suggested, true) + '/mo'],
      [t.savings >= 0 ? 'Potential savings' : 'Extra cost', formatUsd(Math.abs(t.savings), true) + '/mo'],
    ];
    const out = cards.map((c) => el('section', { class: 'card' }, [el('div', { class: 'label', text: c[0] }), el('div', { class: 'big', text: c[1] })]));
    const files = el('section', { class: 'card' }, [
      el('div', { class: 'label', text: 'Findings' }),
      el('div', { class: 'big', text: String(m.findings.length) }),
      el('div', { class: 'muted small', text: m.files.withFindings + ' of ' + m.files.scanned + ' files' + (m.files.skipped ? ', ' + m.files.skipped + ' skipped' : '') + (t.unpriced ? ' · ' + t.unpriced + ' instances without a price' : '') }),
    ]);
    return [files].concat(out);
  }

  function countTable(title, counts, order) {
    const list = counts.slice();
    if (order) list.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
    const max = list.reduce((n, c) => Math.max(n, c.count), 0);
    return el('section', { class: 'card counts' }, [
      el('h2', { text: title }),
      list.length === 0 ? el('div', { class: 'muted', text: 'none' }) : null,
      el(
        'table',
        {},
        list.map((c) => {
          const bar = svg('svg', { class: 'countbar', viewBox: '0 0 100 6', preserveAspectRatio: 'none' }, [svg('rect', { x: 0, y: 0, height: 6, width: max ? (c.count / max) * 100 : 0, class: 'bar-now' })]);
          return el('tr', {}, [el('td', { text: c.key }), el('td', { class: 'num', text: String(c.count) }), el('td', { class: 'barcell' }, [bar])]);
        }),
      ),
    ]);
  }

  function costChart(m) {
    const bars = m.costBars;
    const section = el('section', { class: 'card wide' }, [el('h2', { text: 'Monthly cost: now vs counterparts' })]);
    if (!bars.length) {
      section.appendChild(el('div', { class: 'muted', text: 'No priced instance types found.' }));
      return section;
    }
    const total = { label: 'Total', monthly: m.totals.monthly, suggestedMonthly: m.totals.suggested, file: '', line: 0 };
    const all = bars.concat([total]);
    const W = 100;
    const widths = barWidths(all, W);
    const table = el('table', { class: 'chart' });
    all.forEach((b, i) => {
      const isTotal = i === all.length - 1;
      const s = svg('svg', { class: 'chartbar', viewBox: '0 0 100 14', preserveAspectRatio: 'none', role: 'img', 'aria-label': b.label }, [
        svg('rect', { x: 0, y: 1, height: 5, width: widths[i].now, class: 'bar-now' }),
        svg('rect', { x: 0, y: 8, height: 5, width: widths[i].then, class: 'bar-then' }),
      ]);
      const label = b.file
        ? el('a', { href: '#', text: b.label, title: b.suggested ? b.instanceType + ' → ' + b.suggested : b.instanceType, onclick: (e) => { e.preventDefault(); vscode.postMessage({ type: 'open', file: b.file, line: b.line, column: 1 }); } })
        : el('span', { text: b.label });
      table.appendChild(
        el('tr', { class: isTotal ? 'total' : '' }, [
          el('td', { class: 'chartlabel' }, [label]),
          el('td', { class: 'barcell' }, [s]),
          el('td', { class: 'num', text: formatUsd(b.monthly, true) }),
          el('td', { class: 'num then', text: b.suggestedMonthly === null ? 'unknown' : formatUsd(b.suggestedMonthly, true) }),
        ]),
      );
    });
    section.appendChild(el('div', { class: 'legend' }, [el('span', { class: 'swatch now' }), ' now ', el('span', { class: 'swatch then' }), ' with the suggested counterpart (list prices)']));
    section.appendChild(table);
    return section;
  }

  function plan(m) {
    return el('section', { class: 'card wide' }, [
      el('h2', { text: 'Migration plan' }),
      m.plan.length === 0 ? el('div', { class: 'muted', text: 'Nothing to migrate.' }) : null,
      el(
        'ol',
        { class: 'plan' },
        m.plan.map((s) =>
          el('li', {}, [
            el('strong', { text: s.title }),
            el('span', { class: 'muted small', text: ' — ' + s.findings + ' findings in ' + s.files + ' files, effort ' + s.effort }),
            el('div', { text: s.detail }),
          ]),
        ),
      ),
    ]);
  }

  function select(name, values, label) {
    const s = el('select', { 'aria-label': label, onchange: (e) => { state.filters[name] = e.target.value; state.shown = PAGE; persist(); renderRows(); } }, [el('option', { value: '', text: 'All ' + label })].concat(values.map((v) => el('option', { value: v, text: v }))));
    s.value = values.indexOf(state.filters[name]) >= 0 ? state.filters[name] : '';
    state.filters[name] = s.value;
    return s;
  }

  let rowsBody = null;
  let rowsInfo = null;
  let moreButton = null;

  function findingsSection(m) {
    const search = el('input', { type: 'search', placeholder: 'Search findings', 'aria-label': 'Search findings', value: state.filters.search });
    let timer = null;
    search.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => { state.filters.search = search.value; state.shown = PAGE; persist(); renderRows(); }, 120);
    });
    rowsBody = el('tbody');
    rowsInfo = el('span', { class: 'muted small' });
    moreButton = el('button', { class: 'secondary', text: 'Show more', onclick: () => { state.shown += PAGE; renderRows(); } });
    return el('section', { class: 'card wide' }, [
      el('h2', { text: 'Findings' }),
      el('div', { class: 'filters' }, [
        select('category', m.facets.category, 'categories'),
        select('severity', m.facets.severity, 'severities'),
        select('target', m.facets.target, 'targets'),
        select('file', m.facets.file, 'files'),
        search,
        rowsInfo,
      ]),
      el('table', { class: 'findings' }, [
        el('thead', {}, [el('tr', {}, ['Severity', 'Rule', 'Location', 'Finding', 'Effort', 'Monthly'].map((h) => el('th', { text: h })))]),
        rowsBody,
      ]),
      moreButton,
    ]);
  }

  function open(r) {
    vscode.postMessage({ type: 'open', file: r.file, line: r.line, column: r.column, endLine: r.endLine, endColumn: r.endColumn });
  }

  function row(r) {
    const tr = el('tr', { tabindex: '0', class: 'sev-' + r.severity + (state.highlight && state.highlight.file === r.file && state.highlight.line === r.line ? ' highlight' : '') });
    tr.addEventListener('click', () => open(r));
    tr.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(r); });
    const rule = el('a', { href: '#', text: r.ruleId, title: 'Open the rule\'s documentation', onclick: (e) => { e.preventDefault(); e.stopPropagation(); vscode.postMessage({ type: 'openDocs', ruleId: r.ruleId }); } });
    const money = r.instanceType ? formatUsd(r.monthly, true) + (r.suggested ? ' → ' + formatUsd(r.suggestedMonthly, true) : '') : '';
    tr.appendChild(el('td', {}, [el('span', { class: 'badge ' + r.severity, text: r.severity })]));
    tr.appendChild(el('td', {}, [rule, el('div', { class: 'muted small', text: r.category + (r.target !== 'none' ? ' · blocks ' + r.target : '') })]));
    tr.appendChild(el('td', { class: 'loc', text: r.file + ':' + r.line + ':' + r.column }));
    tr.appendChild(el('td', {}, [el('div', { text: r.message }), el('div', { class: 'muted small', text: r.advice })]));
    tr.appendChild(el('td', { text: r.effort }));
    tr.appendChild(el('td', { class: 'num', text: money }));
    return tr;
  }

  function renderRows() {
    if (!state.model || !rowsBody) return;
    const rows = filterRows(state.model.findings, state.filters);
    const frag = document.createDocumentFragment();
    const n = Math.min(rows.length, state.shown);
    for (let i = 0; i < n; i++) frag.appendChild(row(rows[i]));
    rowsBody.replaceChildren(frag);
    rowsInfo.textContent = rows.length === state.model.findings.length ? rows.length + ' findings' : rows.length + ' of ' + state.model.findings.length + ' findings';
    moreButton.hidden = n >= rows.length;
    moreButton.textContent = 'Show ' + Math.min(PAGE, rows.length - n) + ' more (' + (rows.length - n) + ' hidden)';
  }

  function render(m) {
    state.model = m;
    if (!m) {
      app.replaceChildren(el('section', { class: 'card' }, [el('p', { text: 'No scan yet.' }), el('button', { text: 'Scan Workspace', onclick: () => vscode.postMessage({ type: 'rescan' }) })]));
      return;
    }
    const errors = m.errors.length
      ? el('section', { class: 'card wide' }, [el('h2', { text: 'Files that could not be analysed (' + m.errors.length + ')' }), el('ul', {}, m.errors.map((e) => el('li', { text: e.file + ': ' + e.message })))])
      : null;
    const parts = [
      header(m),
      el('div', { class: 'grid' }, [scoreCard(m)].concat(moneyCards(m))),
      el('div', { class: 'grid three' }, [countTable('By category', m.counts.category), countTable('By severity', m.counts.severity, SEVERITY_ORDER), countTable('By effort', m.counts.effort, ['none', 'low', 'medium', 'high'])]),
      costChart(m),
      plan(m),
      findingsSection(m),
      errors,
    ].filter(Boolean);
    app.replaceChildren.apply(app, parts);
    renderRows();
  }

  function reveal(file, line) {
    if (!state.model) return;
    state.filters = { category: '', severity: '', target: '', file: state.model.facets.file.indexOf(file) >= 0 ? file : '', search: '' };
    state.highlight = { file, line };
    state.shown = PAGE;
    persist();
    render(state.model);
    const hit = rowsBody && rowsBody.querySelector('tr.highlight');
    if (hit) { hit.scrollIntoView({ block: 'center' }); hit.focus(); }
  }

  window.addEventListener('message', (event) => {
    const msg = event.data;
    if (!msg || typeof msg !== 'object') return;
    if (msg.type === 'report') render(msg.model);
    else if (msg.type === 'reveal' && typeof msg.file === 'string' && typeof msg.line === 'number') reveal(msg.file, msg.line);
  });
  vscode.postMessage({ type: 'ready' });
})();
