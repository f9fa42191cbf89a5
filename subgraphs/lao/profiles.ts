// The Lao registries' published behaviour (subgraphs/lao/README.md). NVQF is small and slow, with
// single-record lookup only and no search. MLSW publishes no lookup at all, only a daily CSV extract
// that takes 1–3 s to download; its rate is not published (one download at a time is all the
// adapter ever needs). Lookups are answered from the adapter's in-memory index of the extract, so
// any number of permit numbers costs at most one (conditional) download: 1000 bounds the work of
// one call, not a registry request. The extract is also MLSW's bulk interface, read a slice at a time.
import type { RegistryProfile } from '../kit/adapter.js';

export const nvqfProfile: RegistryProfile = { key: 'nvqf', kind: 'CERT', format: 'json', ratePerSecond: 3, lookup: { style: 'single', route: 'GET /nvqf/cert/{certNo}' } };
export const mlswProfile: RegistryProfile = { key: 'mlsw', kind: 'PERMIT', format: 'csv', ratePerSecond: 1, lookup: { style: 'extract', route: 'GET /mlsw/extract/latest.csv', idsPerCall: 1000 }, bulk: { route: 'GET /mlsw/extract/latest.csv', pageSize: 1000 } };
