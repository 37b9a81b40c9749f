import assert from 'node:assert/strict';
import { existsSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { runCli } from './helpers/cli';
import { createHostileWorkspace, PAYLOADS, type HostileWorkspace } from './helpers/hostile-workspace';

/**
 * File names, folder names and configuration values carrying HTML, script, Markdown, CSV-formula
 * and terminal-escape payloads reach the findings, and every report format keeps them inert:
 * the HTML export executes nothing in a real browser under a strict CSP, Markdown tables keep
 * their shape and render no HTML or links, SARIF stays valid with encoded URIs, text output
 * neutralises control characters, CSV neutralises formulas. (The editor's report panel is
 * covered by the e2e suite, not here.)
 */
const CHROMIUM = '/usr/bin/chromium';

interface JsonReport {
  findings: { file: string; message: string; line: number; column: number }[];
  errors: { file: string; message: string }[];
}

/** Pipes that separate Markdown table cells: not preceded by an odd number of backslashes. */
function cellSeparators(row: string): number {
  let n = 0;
  for (let i = 0; i < row.length; i++) {
    if (row[i] !== '|') continue;
    let backslashes = 0;
    for (let j = i - 1; j >= 0 && row[j] === '\\'; j--) backslashes++;
    if (backslashes % 2 === 0) n++;
  }
  return n;
}

/** RFC 4180 rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

describe('injection through file names, code and configuration', function () {
  this.timeout(120_000);
  let ws: HostileWorkspace;
  const out: Record<string, string> = {};
  let json: JsonReport;

  before(async () => {
    ws = await createHostileWorkspace();
    const env = { ACCEL_ADVISOR_CACHE_DIR: path.join(ws.root, '..', 'aa-inject-no-cache') };
    for (const format of ['json', 'html', 'markdown', 'sarif', 'csv', 'text']) {
      const r = await runCli(['scan', ws.root, '--format', format, '--fail-on', 'none', '--quiet'], { cwd: ws.root, env, tty: format === 'text' });
      assert.equal(r.code, 0, `${format}: ${r.err}`);
      out[format] = r.out;
    }
    json = JSON.parse(out.json) as JsonReport;
  });

  after(async () => {
    await fs.rm(ws.root, { recursive: true, force: true });
  });

  it('the payloads reach the findings and errors (so the checks below test something)', () => {
    const files = new Set(json.findings.map((f) => f.file));
    for (const f of ws.files.filter((x) => !x.endsWith('.ipynb'))) assert.ok(files.has(f), `a finding in ${JSON.stringify(f)}`);
    assert.ok(ws.files.length >= 10, `the file system took the payload names: ${ws.files.length}`);
    const messages = json.findings.map((f) => f.message).join('\n');
    for (const p of [PAYLOADS.tdLabel, PAYLOADS.composeService, PAYLOADS.ecsFamily, PAYLOADS.ansiService, PAYLOADS.ecsContainer]) assert.ok(messages.includes(p), `a message carries ${JSON.stringify(p)}`);
    assert.ok(json.errors.some((e) => e.file === PAYLOADS.brokenNotebook), 'the broken notebook is an error entry');
  });

  describe('HTML export in Chromium', function () {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let browser: any;
    before(async function () {
      if (!existsSync(CHROMIUM)) {
        console.warn(`      skipped: ${CHROMIUM} is missing (.ci/run installs it with node test/e2e/setup.mjs)`);
        this.skip();
      }
      let chromium;
      try {
        ({ chromium } = await import('playwright-core'));
      } catch {
        console.warn('      skipped: playwright-core is not installed');
        this.skip();
      }
      browser = await chromium!.launch({
        executablePath: CHROMIUM,
        args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
      });
    });
    after(async () => {
      await browser?.close();
    });

    /** Opens a page that records dialogs, alert/confirm/prompt calls, CSP violations, console output and non-file requests. */
    async function open(load: (page: any) => Promise<unknown>) { // eslint-disable-line @typescript-eslint/no-explicit-any
      const page = await browser.newPage();
      const seen = { dialogs: [] as string[], requests: [] as string[], console: [] as string[] };
      page.on('dialog', (d: { message(): string; dismiss(): Promise<void> }) => {
        seen.dialogs.push(d.message());
        void d.dismiss().catch(() => undefined);
      });
      page.on('console', (m: { text(): string }) => seen.console.push(m.text()));
      await page.route('**/*', (route: { request(): { url(): string }; continue(): Promise<void>; abort(): Promise<void> }) => {
        const url = route.request().url();
        if (url.startsWith('file:') || url.startsWith('about:') || url.startsWith('data:')) return route.continue();
        seen.requests.push(url);
        return route.abort();
      });
      await page.addInitScript(() => {
        const w = window as unknown as Record<string, unknown> & { __events: string[] };
        w.__events = [];
        for (const k of ['alert', 'confirm', 'prompt', 'print', 'open']) w[k] = (...a: unknown[]) => void w.__events.push(`${k}:${a.join(',')}`);
        document.addEventListener('securitypolicyviolation', (e) => w.__events.push(`csp:${e.violatedDirective}:${e.blockedURI}`));
      });
      await load(page);
      await page.waitForTimeout(300);
      const events = (await page.evaluate(() => (window as unknown as { __events: string[] }).__events)) as string[];
      return { page, events, ...seen };
    }

    /** Opens HTML from a file, as a user opens an exported report. */
    async function openHtml(html: string) {
      const file = path.join(ws.root, '..', `${path.basename(ws.root)}-${Math.random().toString(36).slice(2)}.html`);
      await fs.writeFile(file, html);
      try {
        return await open((p) => p.goto(pathToFileURL(file).href));
      } finally {
        await fs.rm(file, { force: true });
      }
    }

    it('the detectors work: an unescaped payload fires, and the report CSP reports an injected script', async () => {
      const naked = await openHtml('<p>x</p><img src=x onerror="alert(1)">');
      assert.ok(naked.events.includes('alert:1'), `detected: ${JSON.stringify(naked.events)}`);
      await naked.page.close();
      const csp = out.html.match(/<meta http-equiv="Content-Security-Policy"[^>]*>/)![0];
      const blocked = await openHtml(`<head>${csp}</head><body><script>alert(2)</script></body>`);
      assert.ok(!blocked.events.includes('alert:2'), 'the CSP blocks inline script');
      assert.ok(blocked.events.some((e) => e.startsWith('csp:script-src')), `a violation is reported: ${blocked.events}`);
      await blocked.page.close();
    });

    it('executes nothing, loads nothing, keeps the table shape and shows the payloads as text', async () => {
      {
        const r = await openHtml(out.html);
        assert.deepEqual(r.events, [], 'no alert/prompt call and no CSP violation');
        assert.deepEqual(r.dialogs, [], 'no dialog');
        assert.deepEqual(r.requests, [], 'no request leaves the file');
        const dom = await r.page.evaluate(() => ({
          active: [...document.querySelectorAll('script, img, svg, iframe, object, embed, link, base, form, meta[http-equiv="refresh" i]')].map((e) => e.outerHTML),
          hrefs: [...document.querySelectorAll('[href]')].map((e) => e.getAttribute('href')),
          handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName} ${a.name}`)),
          csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy" i]')].map((m) => ({ content: m.getAttribute('content') ?? '', inHead: m.parentElement === document.head })),
          findingRows: [...document.querySelectorAll('table')].at(-1)!.querySelectorAll('tbody tr').length,
          cellCounts: [...[...document.querySelectorAll('table')].at(-1)!.querySelectorAll('tbody tr')].map((tr) => tr.children.length),
          text: document.body.innerText,
        }));
        assert.deepEqual(dom.active, [], 'no active element came from the payloads');
        assert.deepEqual(dom.handlers, [], 'no event-handler attribute');
        for (const h of dom.hrefs) assert.match(h ?? '', /^https:\/\//, 'links are the rule docs only');

        assert.equal(dom.csp.length, 1, 'one CSP');
        assert.ok(dom.csp[0].inHead);
        const directives = new Map<string, string[]>((dom.csp[0].content as string).split(';').map((d: string) => d.trim().split(/\s+/)).filter((d: string[]) => d[0]).map((d: string[]) => [d[0], d.slice(1)] as [string, string[]]));
        assert.deepEqual(directives.get('default-src'), ["'none'"]);
        for (const d of ['script-src', 'script-src-elem', 'script-src-attr']) {
          const v = directives.get(d);
          assert.ok(!v || !v.some((x: string) => /unsafe-inline|unsafe-eval|unsafe-hashes|^\*$|^data:|^https?:/.test(x)), `${d} ${v}`);
        }
        assert.deepEqual(directives.get('base-uri'), ["'none'"]);

        assert.equal(dom.findingRows, json.findings.length, 'one row per finding: no </td> broke out');
        assert.ok(dom.cellCounts.every((n: number) => n === 7), `7 cells per row: ${dom.cellCounts}`);
        for (const p of [PAYLOADS.imgFile, `${PAYLOADS.scriptFolder}/main.tf`, PAYLOADS.tdLabel, PAYLOADS.composeService, PAYLOADS.ecsFamily, PAYLOADS.brokenNotebook, PAYLOADS.jsUrlFile]) {
          assert.ok(dom.text.includes(p), `visible as text: ${p}`);
        }
        await r.page.close();
      }
    });
  });

  it('Markdown: every findings row keeps its cells, and no HTML or link comes from a payload', async () => {
    const md = out.markdown;
    const lines = md.split('\n');
    const header = lines.indexOf('| Location | Severity | Rule | Finding | Advice |');
    assert.ok(header > 0);
    const rows = lines.slice(header + 2, lines.indexOf('', header));
    assert.equal(rows.length, json.findings.length, 'one line per finding (no CR/LF broke a row)');
    for (const row of rows) assert.equal(cellSeparators(row), 6, `row keeps 5 cells: ${row}`);
    assert.doesNotMatch(md, /<\s*(script|img|svg|td|iframe)/i, 'no raw HTML tag');
    assert.doesNotMatch(md, /(?<!\\)\]\(javascript:/i, 'no javascript: link (brackets escaped)');

    // Rendered as GitHub would (HTML allowed in the source, so any raw tag would survive).
    let MarkdownIt;
    try {
      MarkdownIt = require('markdown-it'); // eslint-disable-line @typescript-eslint/no-require-imports
    } catch {
      return;
    }
    const html: string = new MarkdownIt({ html: true, linkify: false }).render(md);
    assert.doesNotMatch(html, /<(script|img|svg|iframe)\b/i);
    assert.doesNotMatch(html, /href="(?!https:\/\/)/i, 'links only to https rule docs');
    const tables = html.split('<table>');
    const findingsTable = tables[tables.length - 1];
    const bodyRows = findingsTable.split('</thead>')[1].split('<tr>').slice(1);
    assert.equal(bodyRows.length, json.findings.length);
    for (const r of bodyRows) assert.equal((r.match(/<td[ >]/g) ?? []).length, 5, r);
  });

  it('SARIF: valid JSON, payloads only inside strings, URIs percent-encoded', () => {
    const sarif = JSON.parse(out.sarif);
    const results = sarif.runs[0].results as { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    assert.equal(results.length, json.findings.length);
    const uris = [
      ...results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri),
      ...sarif.runs[0].invocations[0].toolExecutionNotifications.flatMap((n: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) => n.locations.map((l) => l.physicalLocation.artifactLocation.uri)),
    ];
    const files = new Set([...json.findings.map((f) => f.file), ...json.errors.map((e) => e.file)]);
    for (const uri of uris) {
      assert.match(uri, /^[A-Za-z0-9\-._~%!$&'()*+,;=:@/]*$/, `only URI characters: ${uri}`);
      assert.ok(files.has(decodeURIComponent(uri)), `decodes back to a scanned file: ${uri}`);
      assert.doesNotThrow(() => new URL(uri, 'file:///root/'));
    }
    assert.ok(uris.includes(encodeURIComponent(PAYLOADS.imgFile)));
    assert.ok(results.some((r) => r.message.text.includes(PAYLOADS.ecsFamily)), 'payload text kept verbatim inside a string');
  });

  it('text: control characters from names and values are shown as escapes, never sent to the terminal', () => {
    const text = out.text;
    // The only escapes are the formatter's own colours (SGR "ESC [ digits m").
    const withoutColour = text.replace(/\u001b\[\d+m/g, '');
    const control = [...withoutColour.matchAll(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g)].map((m) => `U+${m[0].charCodeAt(0).toString(16)} at ${m.index}`);
    assert.deepEqual(control, [], 'no control character except line feeds');
    assert.ok(text.includes('\\x1b[31mRED\\x1b[0m\\x1b]0;pwned\\x07.py'), 'the ANSI file name is shown escaped');
    assert.ok(text.includes('line\\nbreak\\rname.py'), 'CR/LF in a name cannot forge lines');
    assert.ok(text.includes('\\x1b[2J\\x1b[31mclear'), 'a service name cannot clear the screen');
    assert.ok(text.includes('\\x9b31m'), 'C1 CSI is escaped too');
  });

  it('CSV: rows stay aligned and no field starts a formula', () => {
    const rows = parseCsv(out.csv);
    assert.equal(rows.length, json.findings.length + 1);
    for (const r of rows) assert.equal(r.length, rows[0].length, JSON.stringify(r));
    for (const r of rows.slice(1)) for (const cell of r) if (/^[=+\-@\t\r]/.test(cell)) assert.fail(`formula-like cell ${JSON.stringify(cell)}`);
    assert.ok(rows.some((r) => r[0] === `'${PAYLOADS.formulaFile}`), 'the formula file name is neutralised with a quote');
  });
});
