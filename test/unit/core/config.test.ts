import assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ConfigError, DEFAULT_CONFIG, loadConfig, parseConfigText } from '../../../src/core/config';

describe('.accel-advisor.json', () => {
  it('accepts a full, valid file (comments allowed)', () => {
    const c = parseConfigText(
      `{ // team settings
        "region": "eu-west-1", "hoursPerMonth": 500, "discount": 0.2, "ignore": ["legacy/**"],
        "rules": { "python/torch-cuda-api": "info", "python/nccl-backend": "off" },
        "targets": ["trainium"], "neuronTrack": "xla", "maxFileSizeKb": 512 }`,
      'f.json',
    );
    assert.equal(c.region, 'eu-west-1');
    assert.equal(c.rules?.['python/nccl-backend'], 'off');
  });

  const bad: [string, RegExp][] = [
    ['{"region": "moon-1"}', /key "region"/],
    ['{"hoursPerMonth": -1}', /key "hoursPerMonth"/],
    ['{"discount": 1.5}', /key "discount"/],
    ['{"rules": {"python/torch-cuda-api": "loud"}}', /key "rules\.python\/torch-cuda-api"/],
    ['{"targets": ["tpu"]}', /key "targets\.\[0\]"|key "targets/],
    ['{"neuronTrack": "cuda"}', /key "neuronTrack"/],
    ['{"regoin": "us-east-1"}', /unknown key "regoin"/],
    ['{"region": ', /invalid JSON at line 1/],
  ];
  for (const [text, re] of bad) {
    it(`rejects ${text} naming the file and the key`, () => {
      assert.throws(() => parseConfigText(text, '/ws/.accel-advisor.json'), (err: unknown) => {
        assert.ok(err instanceof ConfigError);
        assert.match(err.message, /^\/ws\/\.accel-advisor\.json: /);
        assert.match(err.message, re);
        return true;
      });
    });
  }

  it('loads defaults when the workspace has no file, and errors for a missing explicit file', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'aa-cfg-'));
    try {
      assert.deepEqual((await loadConfig(dir)).config, DEFAULT_CONFIG);
      await assert.rejects(loadConfig(dir, path.join(dir, 'nope.json')), /file not found/);
      await fs.writeFile(path.join(dir, '.accel-advisor.json'), '{"targets":["graviton"], "priceFile": "prices.csv"}');
      const { config } = await loadConfig(dir);
      assert.deepEqual(config.targets, ['graviton']);
      assert.equal(config.priceFile, path.join(dir, 'prices.csv'));
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
