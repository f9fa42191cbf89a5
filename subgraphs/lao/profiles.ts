import type { RegistryProfile } from '../kit/adapter.js';

/**
 * As published in subgraphs/lao/README.md. NVQF is small and slow, with single-record lookup
 * only. MLSW publishes no lookup at all, only a daily CSV extract that takes 1–3 s to download;
 * its rate is not published (one download at a time is all the adapter ever needs). The MLSW
 * batch limit is not the registry's: lookups are answered from the adapter's in-memory index of
 * the extract, so any number of permit numbers costs at most one (conditional) download. 1000
 * bounds the work of one call, and there is no batch route because no call is made per batch.
 */
export const nvqfProfile: RegistryProfile = { key: 'nvqf', kind: 'CERT', format: 'json', ratePerSecond: 3, lookup: { style: 'single', route: 'GET /nvqf/cert/{certNo}' } };
export const mlswProfile: RegistryProfile = { key: 'mlsw', kind: 'PERMIT', format: 'csv', ratePerSecond: 1, lookup: { style: 'extract', route: 'GET /mlsw/extract/latest.csv', idsPerCall: 1000 } };
