import { describe, expect, it } from 'vitest';
import { LocatorCache } from './locatorCache.js';
import { MemoryStore } from '../../platform/store/memoryStore.js';
import { entitlement, type Caller } from '../../platform/caller.js';
import { parseHolderIdentity } from '../../schema/ids/index.js';

const caller = (role: Caller['role'], memberState: string, purpose: Caller['purpose']): Caller => ({ client: `c-${role}-${memberState}`, memberState, role, purposes: purpose ? [purpose] : [], purpose, officer: null, subject: null, requestId: 'r' });
const identity = () => parseHolderIdentity({ nationality: 'MMR', documentNumber: 'MA1234567' });
const located = { key: 'k', certificationIds: ['THA:CERT:1'], permitIds: ['THA:PERMIT:WP-1'], failures: [], sources: [] };

describe('the regional locator cache', () => {
  it('reuses a country\'s answer only for a caller with the same entitlement', async () => {
    const cache = new LocatorCache(new MemoryStore(1000), 60, 'secret');
    const officer = entitlement(caller('case-officer', 'IDN', 'PERMIT_APPLICATION'));
    await cache.setMany('THA', [{ identity: identity(), located }], officer);
    expect((await cache.getMany('THA', [identity()], officer))[0]?.permitIds).toEqual(['THA:PERMIT:WP-1']);
    // Another officer of the same member state, same purpose: the owner answers them alike.
    expect((await cache.getMany('THA', [identity()], entitlement({ ...caller('case-officer', 'IDN', 'PERMIT_APPLICATION'), client: 'other' })))[0]).not.toBeNull();
    for (const other of [caller('case-officer', 'VNM', 'PERMIT_APPLICATION'), caller('case-officer', 'IDN', 'SKILLS_RECOGNITION'), caller('inspector', 'IDN', 'LABOUR_INSPECTION'), caller('verifier', 'IDN', 'PERMIT_APPLICATION')]) {
      expect(await cache.getMany('THA', [identity()], entitlement(other))).toEqual([null]);
    }
  });

  it('keeps no document number in its keys', async () => {
    const store = new MemoryStore(1000);
    const cache = new LocatorCache(store, 60, 'secret');
    await cache.setMany('THA', [{ identity: identity(), located }], entitlement(caller('case-officer', 'IDN', 'PERMIT_APPLICATION')));
    const keys = [...(store as unknown as { lru: { keys(): Iterable<string> } }).lru.keys()];
    expect(keys).toHaveLength(2);
    for (const key of keys) expect(key).not.toContain('MA1234567');
  });
});
