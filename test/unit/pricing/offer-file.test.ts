import assert from 'node:assert/strict';
import { OfferFileError, OfferFileReader } from '../../../src/pricing/offer-file';
import { offerFile } from './price-list-fixture';

const FAMILIES = new Set(['p4d', 'm5', 'trn1', 'c5']);

function read(text: string, chunk: number, region = 'us-east-1') {
  const r = new OfferFileReader(region, FAMILIES);
  for (let i = 0; i < text.length; i += chunk) r.write(text.slice(i, i + chunk));
  return r.end();
}

describe('offer file reader', () => {
  const text = offerFile('us-east-1', '2026-08-01T12:00:00Z', { p4d: '20.5000000000', m5: '0.0960000000', trn1: '21.5000000000' });

  it('keeps Linux, shared-tenancy, on-demand prices of known families only, whatever the chunk size', () => {
    for (const chunk of [1, 7, 64, 100000]) {
      const r = read(text, chunk);
      assert.equal(r.publicationDate, '2026-08-01');
      assert.deepEqual(Object.fromEntries(r.prices), { 'p4d.24xlarge': 20.5, 'm5.large': 0.096, 'trn1.32xlarge': 21.5 }, `chunk ${chunk}`);
    }
  });

  it('never keeps a zero price (c5.large is priced 0 in the fixture)', () => {
    assert.equal(read(text, 4096).prices.has('c5.large'), false);
  });

  it('works when the terms come before the products', () => {
    const doc = JSON.parse(text);
    const reordered = JSON.stringify({ terms: doc.terms, offerCode: doc.offerCode, publicationDate: doc.publicationDate, products: doc.products });
    assert.deepEqual(Object.fromEntries(read(reordered, 333).prices), { 'p4d.24xlarge': 20.5, 'm5.large': 0.096, 'trn1.32xlarge': 21.5 });
  });

  it('drops products of another region', () => {
    assert.equal(read(text, 4096, 'eu-west-1').prices.size, 0);
  });

  it('rejects documents that are not EC2 offer files', () => {
    assert.throws(() => read('[]', 10), OfferFileError);
    assert.throws(() => read('{"offerCode":"AmazonEC2","publicationDate":"2026-08-01","terms":{"OnDemand":{}}}', 10), /no "products" object/);
  });
});
