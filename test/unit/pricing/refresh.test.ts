import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { cachedSnapshotPath, loadActiveSnapshot } from '../../../src/pricing/cache';
import { refreshPrices, RefreshError, resolvePriceListUrl } from '../../../src/pricing/refresh';
import { embeddedSnapshot } from '../../../src/pricing/snapshot';
import { OFFER_INDEX_PATH, offerFile, offerIndex, offerPath, REGION_INDEX_PATH, regionIndex } from './price-list-fixture';

/** How the test server answers one path. */
interface Route {
  status?: number;
  body: string;
  /** 'length': Content-Length and the whole body; 'chunked': no length; 'cut': declares the full length, sends half, drops the connection. */
  send?: 'length' | 'chunked' | 'cut';
}

const MIRROR_PREFIX = '/aws-mirror';

describe('pricing refresh from the AWS Price List (local server)', () => {
  let server: http.Server;
  let baseUrl: string;
  let routes: Map<string, Route>;
  let requests: string[];
  let cacheDir: string;

  function defaultRoutes(): Map<string, Route> {
    return new Map<string, Route>([
      [OFFER_INDEX_PATH, { body: offerIndex() }],
      [REGION_INDEX_PATH, { body: regionIndex(['eu-west-1', 'us-east-1', 'us-west-2']) }],
      [offerPath('us-east-1'), { body: offerFile('us-east-1', '2026-08-01T00:00:00Z', { p4d: '20.5000000000', m5: '0.0960000000', trn1: '21.5000000000' }) }],
      [offerPath('eu-west-1'), { body: offerFile('eu-west-1', '2026-08-03T00:00:00Z', { p4d: '24.0000000000', m5: '0.1070000000', trn1: '23.0000000000' }), send: 'chunked' }],
    ]);
  }

  before(async () => {
    server = http.createServer((req, res) => {
      const url = req.url ?? '';
      requests.push(url);
      const route = url.startsWith(MIRROR_PREFIX) ? routes.get(url.slice(MIRROR_PREFIX.length)) : undefined;
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const body = Buffer.from(route.body, 'utf8');
      const status = route.status ?? 200;
      switch (route.send ?? 'length') {
        case 'length':
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length }).end(body);
          break;
        case 'chunked':
          res.writeHead(status, { 'content-type': 'application/json' });
          for (let i = 0; i < body.length; i += 700) res.write(body.subarray(i, i + 700));
          res.end();
          break;
        case 'cut':
          res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
          break;
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${MIRROR_PREFIX}`;
  });

  after(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  beforeEach(() => {
    routes = defaultRoutes();
    requests = [];
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'accel-refresh-'));
  });
  afterEach(() => rmSync(cacheDir, { recursive: true, force: true }));

  const refresh = (extra: { maxBytes?: number; regions?: string[] } = {}) =>
    refreshPrices({ baseUrl, cacheDir, regions: extra.regions ?? ['us-east-1', 'eu-west-1'], ...(extra.maxBytes ? { maxBytes: extra.maxBytes } : {}) });

  it('keeps a mirror path prefix when resolving AWS index paths', () => {
    assert.equal(resolvePriceListUrl('https://m.example/aws/', '/offers/v1.0/aws/index.json'), 'https://m.example/aws/offers/v1.0/aws/index.json');
    assert.equal(resolvePriceListUrl('https://pricing.us-east-1.amazonaws.com', '/x.json'), 'https://pricing.us-east-1.amazonaws.com/x.json');
    assert.equal(resolvePriceListUrl('https://m.example', 'https://other.example/y.json'), 'https://other.example/y.json');
  });

  it('writes a snapshot with the on-demand Linux prices of known families, dated by the offer files', async () => {
    const progress: string[] = [];
    const result = await refreshPrices({ baseUrl, cacheDir, regions: ['us-east-1', 'eu-west-1'], onProgress: (m) => progress.push(m) });
    assert.equal(result.file, cachedSnapshotPath(cacheDir));
    assert.deepEqual(result.regions, ['eu-west-1', 'us-east-1']);
    assert.equal(result.priceCount, 6);
    const s = JSON.parse(readFileSync(result.file, 'utf8'));
    assert.deepEqual(s.prices, {
      'eu-west-1': { 'm5.large': 0.107, 'p4d.24xlarge': 24, 'trn1.32xlarge': 23 },
      'us-east-1': { 'm5.large': 0.096, 'p4d.24xlarge': 20.5, 'trn1.32xlarge': 21.5 },
    });
    assert.equal(s.asOf, '2026-08-01', 'the earliest publicationDate');
    assert.equal(s.label, 'AWS Price List');
    assert.equal(s.currency, 'USD');
    assert.match(s.source, /127\.0\.0\.1/);
    assert.deepEqual(s.capacityBlockOnly.map((c: { type: string }) => c.type), ['p5e.48xlarge', 'trn2.3xlarge', 'trn2.48xlarge']);
    assert.deepEqual(
      requests,
      [OFFER_INDEX_PATH, REGION_INDEX_PATH, offerPath('eu-west-1'), offerPath('us-east-1')].map((p) => MIRROR_PREFIX + p),
    );
    assert.ok(progress.some((m) => /us-east-1: 3 prices, published 2026-08-01/.test(m)));
    assert.deepEqual(readdirSync(cacheDir), ['price-snapshot.json'], 'no temporary files left');
  });

  it('the engine then prefers the refreshed snapshot, when it covers the region', async () => {
    await refresh();
    const active = loadActiveSnapshot(cacheDir);
    assert.equal(active.asOf, '2026-08-01');
    assert.equal(active.prices['us-east-1']!['p4d.24xlarge'], 20.5);
    const warnings: string[] = [];
    assert.equal(loadActiveSnapshot(cacheDir, { region: 'ap-south-1', warn: (m) => warnings.push(m) }), embeddedSnapshot());
    assert.match(warnings[0] ?? '', /no prices for ap-south-1/);
    assert.equal(loadActiveSnapshot(cacheDir, { region: 'eu-west-1' }).asOf, '2026-08-01');
    assert.equal(loadActiveSnapshot(undefined), embeddedSnapshot());
  });

  describe('a broken download leaves the previous snapshot untouched and says what went wrong', () => {
    let previous: string;
    beforeEach(async () => {
      await refresh();
      previous = readFileSync(cachedSnapshotPath(cacheDir), 'utf8');
      requests = [];
    });

    async function expectFailure(message: RegExp, extra: { maxBytes?: number; regions?: string[] } = {}) {
      await assert.rejects(refresh(extra), (e: unknown) => {
        assert.ok(e instanceof RefreshError, String(e));
        assert.match(e.message, /^price refresh failed, previous prices kept: /);
        assert.match(e.message, message);
        return true;
      });
      assert.equal(readFileSync(cachedSnapshotPath(cacheDir), 'utf8'), previous, 'previous snapshot unchanged');
      assert.deepEqual(readdirSync(cacheDir), ['price-snapshot.json'], 'no temporary files left');
    }

    it('404 on an offer file', async () => {
      routes.delete(offerPath('eu-west-1'));
      await expectFailure(/eu-west-1\/index\.json: HTTP 404 Not Found \(expected 200\)/);
    });

    it('500 on the offer index', async () => {
      routes.set(OFFER_INDEX_PATH, { status: 500, body: 'oops' });
      await expectFailure(/aws\/index\.json: HTTP 500/);
    });

    it('a body cut short of its Content-Length', async () => {
      routes.set(offerPath('us-east-1'), { ...routes.get(offerPath('us-east-1'))!, send: 'cut' });
      await expectFailure(/us-east-1\/index\.json: (download interrupted after \d+ bytes \(truncated\)|truncated: received \d+ of \d+ bytes)/);
    });

    it('a complete HTTP response holding truncated JSON', async () => {
      const full = routes.get(offerPath('eu-west-1'))!.body;
      routes.set(offerPath('eu-west-1'), { body: full.slice(0, Math.floor(full.length * 0.6)), send: 'chunked' });
      await expectFailure(/eu-west-1\/index\.json: malformed or truncated JSON: unexpected end of input \(truncated\?\)/);
    });

    it('malformed JSON in an offer file', async () => {
      routes.set(offerPath('us-east-1'), { body: '{"offerCode": "AmazonEC2", "products": {"A": {,}}}' });
      await expectFailure(/us-east-1\/index\.json: malformed or truncated JSON: unexpected "," at character \d+/);
    });

    it('malformed JSON in the region index', async () => {
      routes.set(REGION_INDEX_PATH, { body: '{"regions": ' });
      await expectFailure(/region_index\.json: malformed JSON in the EC2 region index/);
    });

    it('an offer file larger than maxBytes (declared)', async () => {
      await expectFailure(/us-east-1\/index\.json: too large: \d+ bytes declared, the limit is 4000/, { maxBytes: 4000, regions: ['us-east-1'] });
    });

    it('an offer file larger than maxBytes (streamed without a length)', async () => {
      await expectFailure(/eu-west-1\/index\.json: too large: more than the limit of 4000 bytes/, { maxBytes: 4000, regions: ['eu-west-1'] });
    });

    it('an offer index of the wrong shape', async () => {
      routes.set(OFFER_INDEX_PATH, { body: JSON.stringify({ offers: { AmazonS3: {} } }) });
      await expectFailure(/aws\/index\.json: not a valid offer index: offers\.AmazonEC2: /);
    });

    it('a region index without the region asked for', async () => {
      await expectFailure(/region_index\.json: no offer file for ap-south-1/, { regions: ['us-east-1', 'ap-south-1'] });
    });

    it('an offer file for another service', async () => {
      routes.set(offerPath('us-east-1'), { body: JSON.stringify({ offerCode: 'AmazonS3', publicationDate: '2026-08-01T00:00:00Z', products: {}, terms: { OnDemand: {} } }) });
      await expectFailure(/not an AmazonEC2 offer file \(offerCode "AmazonS3"\)/);
    });

    it('an offer file whose products are not an object', async () => {
      routes.set(offerPath('us-east-1'), { body: JSON.stringify({ offerCode: 'AmazonEC2', publicationDate: '2026-08-01T00:00:00Z', products: [], terms: { OnDemand: {} } }) });
      await expectFailure(/not an AWS offer file: "products" is not an object/);
    });

    it('an offer file without on-demand terms or a date', async () => {
      routes.set(offerPath('us-east-1'), { body: JSON.stringify({ offerCode: 'AmazonEC2', publicationDate: '2026-08-01T00:00:00Z', products: {}, terms: {} }) });
      await expectFailure(/no "terms\.OnDemand" object/);
      routes.set(offerPath('us-east-1'), { body: JSON.stringify({ offerCode: 'AmazonEC2', products: {}, terms: { OnDemand: {} } }) });
      await expectFailure(/missing or malformed publicationDate/);
    });

    it('an offer file with no usable prices', async () => {
      routes.set(offerPath('us-east-1'), { body: JSON.stringify({ offerCode: 'AmazonEC2', publicationDate: '2026-08-01T00:00:00Z', products: {}, terms: { OnDemand: {} } }) });
      await expectFailure(/no on-demand Linux prices for the product's instance families in us-east-1/);
    });

    it('an unreachable server', async () => {
      // A port that was just free: bind, note it, close.
      const probe = http.createServer();
      await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
      const port = (probe.address() as AddressInfo).port;
      await new Promise<void>((resolve) => probe.close(() => resolve()));
      await assert.rejects(
        refreshPrices({ baseUrl: `http://127.0.0.1:${port}`, cacheDir, regions: ['us-east-1'] }),
        new RegExp(`price refresh failed, previous prices kept: http://127\\.0\\.0\\.1:${port}/offers/v1\\.0/aws/index\\.json: request failed`),
      );
      assert.equal(readFileSync(cachedSnapshotPath(cacheDir), 'utf8'), previous);
    });

    it('cancellation is passed through as an AbortError, not reported as a failure', async () => {
      const controller = new AbortController();
      controller.abort();
      await assert.rejects(refreshPrices({ baseUrl, cacheDir, regions: ['us-east-1'], signal: controller.signal }), (e: unknown) => {
        assert.equal((e as Error).name, 'AbortError');
        return true;
      });
      assert.equal(readFileSync(cachedSnapshotPath(cacheDir), 'utf8'), previous);
    });
  });

  describe('loadActiveSnapshot', () => {
    it('falls back to the embedded snapshot, with a warning naming the file, when the cache is corrupt', () => {
      writeFileSync(cachedSnapshotPath(cacheDir), '{"schemaVersion": 1, "prices": ');
      const warnings: string[] = [];
      assert.equal(loadActiveSnapshot(cacheDir, { warn: (m) => warnings.push(m) }), embeddedSnapshot());
      assert.match(warnings[0] ?? '', /price-snapshot\.json: line 1, column \d+: invalid JSON/);
    });

    it('ignores a cached snapshot that is not newer than the embedded one', () => {
      writeFileSync(cachedSnapshotPath(cacheDir), JSON.stringify({ ...embeddedSnapshot(), asOf: '2020-01-01' }));
      assert.equal(loadActiveSnapshot(cacheDir), embeddedSnapshot());
    });

    it('uses the embedded snapshot when the cache folder is empty', () => {
      assert.equal(loadActiveSnapshot(cacheDir), embeddedSnapshot());
    });
  });
});
