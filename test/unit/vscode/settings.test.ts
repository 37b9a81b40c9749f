import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { DEFAULT_SETTINGS, readSettings, resolveEffectiveConfig, type Settings } from '../../../src/vscode/settings';

const settings = (over: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...over });

describe('vscode settings', () => {
  it('reads valid values and uses defaults for unset ones', () => {
    const { settings: s, warnings } = readSettings((k) => ({ region: 'eu-west-1', discount: 0.2 } as Record<string, unknown>)[k]);
    assert.equal(s.region, 'eu-west-1');
    assert.equal(s.discount, 0.2);
    assert.equal(s.hoursPerMonth, 730);
    assert.deepEqual(warnings, []);
  });

  it('falls back to the default for a bad value with a warning naming the setting', () => {
    const { settings: s, warnings } = readSettings((k) => ({ discount: 1.5, region: 'mars-1', rules: { 'python/x': 'loud' } } as Record<string, unknown>)[k]);
    assert.equal(s.discount, 0);
    assert.equal(s.region, '');
    assert.deepEqual(s.rules, {});
    assert.equal(warnings.length, 3);
    assert.match(warnings.join('\n'), /"accelAdvisor\.discount"/);
    assert.match(warnings.join('\n'), /"accelAdvisor\.region"/);
    assert.match(warnings.join('\n'), /"accelAdvisor\.rules".*python\/x/);
  });

  describe('precedence: defaults < settings < .accel-advisor.json', () => {
    it('settings fill what the file does not set', () => {
      const { config, origins } = resolveEffectiveConfig({ settings: settings({ region: 'eu-west-1', discount: 0.1 }), trusted: true });
      assert.equal(config.region, 'eu-west-1');
      assert.equal(config.discount, 0.1);
      assert.equal(config.hoursPerMonth, 730);
      assert.equal(origins.region, 'settings');
      assert.equal(origins.hoursPerMonth, 'default');
    });

    it('the file wins for keys it sets', () => {
      const { config, origins } = resolveEffectiveConfig({
        settings: settings({ region: 'eu-west-1', discount: 0.1, neuronTrack: 'xla', targets: ['graviton'] }),
        file: { region: 'us-west-2', targets: ['trainium'] },
        trusted: true,
      });
      assert.equal(config.region, 'us-west-2');
      assert.deepEqual(config.targets, ['trainium']);
      assert.equal(config.discount, 0.1, 'the file does not set discount');
      assert.equal(config.neuronTrack, 'xla');
      assert.equal(origins.region, 'file');
    });

    it('merges rule severities rule by rule (file wins) and unions excludes', () => {
      const { config } = resolveEffectiveConfig({
        settings: settings({ rules: { 'python/a': 'info', 'python/b': 'error' }, exclude: ['vendor/**'] }),
        file: { rules: { 'python/b': 'off' }, ignore: ['third_party/**'] },
        trusted: true,
      });
      assert.deepEqual(config.rules, { 'python/a': 'info', 'python/b': 'off' });
      assert.deepEqual(config.ignore, ['vendor/**', 'third_party/**']);
    });

    it('resolves a relative priceFile from the file\'s folder, or from the workspace folder for settings', () => {
      const fromFile = resolveEffectiveConfig({ settings: settings(), file: { priceFile: 'prices.csv' }, fileDir: '/repo', trusted: true });
      assert.equal(fromFile.config.priceFile, path.resolve('/repo', 'prices.csv'));
      const fromSettings = resolveEffectiveConfig({ settings: settings({ priceFile: 'p.json' }), folder: '/ws', trusted: true });
      assert.equal(fromSettings.config.priceFile, path.resolve('/ws', 'p.json'));
    });

    it('ignores the file\'s priceFile and pricingBaseUrl in an untrusted workspace', () => {
      const { config, ignoredFromFile } = resolveEffectiveConfig({
        settings: settings(),
        file: { priceFile: '/etc/passwd', pricingBaseUrl: 'https://evil.example', region: 'us-west-2' },
        fileDir: '/repo',
        trusted: false,
      });
      assert.equal(config.priceFile, undefined);
      assert.equal(config.pricingBaseUrl, undefined);
      assert.equal(config.region, 'us-west-2', 'harmless keys still apply');
      assert.deepEqual(ignoredFromFile, ['priceFile', 'pricingBaseUrl']);
    });
  });
});
