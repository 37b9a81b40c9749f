import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import dns = require('node:dns');
import net = require('node:net');
import * as os from 'node:os';
import * as path from 'node:path';
import { allAnalyzers, ruleDescriptors } from '../../../src/analyzers';
import { DEFAULT_CONFIG } from '../../../src/core/config';
import { scanFolder } from '../../../src/core/engine';
import { loadActiveSnapshot } from '../../../src/pricing/cache';
import { buildReport, FORMATS, formatReport } from '../../../src/report';
import { OFFER_INDEX_PATH, offerFile, offerIndex, offerPath, REGION_INDEX_PATH, regionIndex } from '../pricing/price-list-fixture';
import { runCli } from './helpers/cli';
import { installNetGuard, type NetGuard } from './helpers/net-guard';

const SAMPLES = path.resolve(__dirname, '../../../samples/gpu-workspace');

describe('no surprise network', function () {
  this.timeout(120_000);

  describe('a scan and every report format', () => {
    let guard: NetGuard;
    let tmp: string;
    const originalConnect = net.Socket.prototype.connect;
    const originalFetch = globalThis.fetch;

    before(() => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'aa-net-'));
      guard = installNetGuard('deny');
    });
    after(() => {
      guard.restore();
      rmSync(tmp, { recursive: true, force: true });
      assert.equal(net.Socket.prototype.connect, originalConnect, 'the guard is removed');
      assert.equal(globalThis.fetch, originalFetch, 'the guard is removed');
    });

    it('the guard itself catches sockets, fetch, HTTP and DNS (so "zero attempts" below means something)', async () => {
      const before = guard.attempts.length;
      assert.throws(() => net.connect(9, '127.0.0.1'), /network access blocked/);
      assert.throws(() => new net.Socket().connect(9, '192.0.2.1'), /network access blocked/);
      assert.throws(() => http.get('http://192.0.2.1/'), /network access blocked/);
      assert.throws(() => dns.lookup('pricing.us-east-1.amazonaws.com', () => undefined), /network access blocked/);
      await assert.rejects(async () => globalThis.fetch('https://pricing.us-east-1.amazonaws.com/'), /network access blocked/);
      const seen = guard.attempts.slice(before);
      assert.deepEqual(seen.map((a) => a.via), ['net.connect', 'net.Socket#connect', 'http.get', 'dns.lookup', 'fetch']);
      guard.attempts.length = before;
    });

    it('`accel-advisor scan` of the sample workspace in every format (stdout and --output) opens no connection', async () => {
      const env = { ACCEL_ADVISOR_CACHE_DIR: path.join(tmp, 'cache') };
      for (const format of FORMATS) {
        const toStdout = await runCli(['scan', SAMPLES, '--format', format, '--fail-on', 'none'], { cwd: tmp, env });
        assert.equal(toStdout.code, 0, `${format}: ${toStdout.err}`);
        assert.ok(toStdout.out.length > 200, `${format} printed a report`);
        const file = path.join(tmp, `report.${format}`);
        const toFile = await runCli(['scan', SAMPLES, '--format', format, '--output', file, '--fail-on', 'none', '--quiet'], { cwd: tmp, env, tty: true });
        assert.equal(toFile.code, 0, `${format}: ${toFile.err}`);
        assert.ok(readFileSync(file, 'utf8').length > 200);
      }
      assert.deepEqual(guard.attempts, [], 'no network attempt during a scan');
    });

    it('scanFolder, buildReport and every formatter open no connection', async () => {
      const result = await scanFolder(SAMPLES, { config: DEFAULT_CONFIG, analyzers: allAnalyzers });
      assert.ok(result.findings.length > 20);
      const report = buildReport(result, { config: DEFAULT_CONFIG, toolVersion: 'test', snapshot: loadActiveSnapshot(undefined) });
      for (const format of FORMATS) assert.ok(formatReport(report, format, { color: true, rules: ruleDescriptors() }).length > 0);
      assert.deepEqual(guard.attempts, []);
    });
  });

  describe('`pricing refresh --base-url` against a local server', () => {
    let server: http.Server;
    let port: number;
    let served: string[];
    let tmp: string;

    before(async () => {
      tmp = mkdtempSync(path.join(os.tmpdir(), 'aa-net-refresh-'));
      served = [];
      const routes = new Map<string, string>([
        [OFFER_INDEX_PATH, offerIndex()],
        [REGION_INDEX_PATH, regionIndex(['us-east-1'])],
        [offerPath('us-east-1'), offerFile('us-east-1', '2099-01-01T00:00:00Z', { p4d: '20.5000000000', m5: '0.0960000000', trn1: '21.5000000000' })],
      ]);
      server = http.createServer((req, res) => {
        served.push(req.url ?? '');
        const body = routes.get(req.url ?? '');
        if (body === undefined) res.writeHead(404).end();
        else res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }).end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    after(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(tmp, { recursive: true, force: true });
    });

    it('connects only to the address it was given', async () => {
      const guard = installNetGuard('allow');
      let run;
      try {
        run = await runCli(['pricing', 'refresh', '--base-url', `http://127.0.0.1:${port}`, '--region', 'us-east-1'], {
          cwd: tmp,
          env: { ACCEL_ADVISOR_CACHE_DIR: path.join(tmp, 'cache') },
        });
      } finally {
        guard.restore();
      }
      assert.equal(run.code, 0, run.err);
      assert.deepEqual(served, [OFFER_INDEX_PATH, REGION_INDEX_PATH, offerPath('us-east-1')]);
      assert.ok(guard.attempts.length >= 3, `attempts were recorded: ${JSON.stringify(guard.attempts)}`);
      const allowed = new RegExp(`^(http://)?127\\.0\\.0\\.1:${port}(/|$)`);
      const elsewhere = guard.attempts.filter((a) => !allowed.test(a.target));
      assert.deepEqual(elsewhere, [], 'every attempt went to the configured mirror');
      assert.ok(guard.attempts.some((a) => a.via === 'fetch'));
      assert.ok(guard.attempts.some((a) => a.via.startsWith('net.')), 'the socket level saw the connection too');
    });
  });
});
