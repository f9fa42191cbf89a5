// The reference data describes what the adapters produce: the permit types' native names and shared
// classes, and the national levels. This test reads the adapters' own vocabularies so a renamed
// pass type or a new level in a subgraph cannot leave schema/reference describing something else.
// (It lives under test/ because schema/ may not import the subgraphs.)
import { describe, expect, it } from 'vitest';
import { permitTypes, qualificationFramework } from '../../schema/reference/referenceData.js';
import brnLpa from '../../subgraphs/brn/lpaVocabulary.json' with { type: 'json' };
import khmFwcms from '../../subgraphs/khm/fwcmsVocabulary.json' with { type: 'json' };
import khmNtb from '../../subgraphs/khm/ntbVocabulary.json' with { type: 'json' };
import laoMlsw from '../../subgraphs/lao/mlswVocabulary.json' with { type: 'json' };
import laoNvqf from '../../subgraphs/lao/nvqfVocabulary.json' with { type: 'json' };
import mmrMol from '../../subgraphs/mmr/molVocabulary.json' with { type: 'json' };
import mmrNssa from '../../subgraphs/mmr/nssaVocabulary.json' with { type: 'json' };
import mysImi from '../../subgraphs/mys/imiVocabulary.json' with { type: 'json' };
import mysJpk from '../../subgraphs/mys/jpkVocabulary.json' with { type: 'json' };
import phlAep from '../../subgraphs/phl/aepVocabulary.json' with { type: 'json' };
import phlTesda from '../../subgraphs/phl/tesdaVocabulary.json' with { type: 'json' };
import sgpMom from '../../subgraphs/sgp/momVocabulary.json' with { type: 'json' };
import sgpSsg from '../../subgraphs/sgp/ssgVocabulary.json' with { type: 'json' };
import thaDoe from '../../subgraphs/tha/doeVocabulary.json' with { type: 'json' };
import thaDsd from '../../subgraphs/tha/dsdVocabulary.json' with { type: 'json' };
import tlsIndmo from '../../subgraphs/tls/indmoVocabulary.json' with { type: 'json' };
import tlsSefope from '../../subgraphs/tls/sefopeVocabulary.json' with { type: 'json' };
import vnmGpld from '../../subgraphs/vnm/gpldVocabulary.json' with { type: 'json' };
import vnmKynang from '../../subgraphs/vnm/kynangVocabulary.json' with { type: 'json' };

const distinct = (classes: Record<string, string>) => [...new Set(Object.values(classes))].sort();
const byMajorGroup = (nativeTypes: string[], classes: Record<string, string>) => Object.fromEntries(nativeTypes.map((type) => [type, distinct(classes)]));
const fixed = (classes: Record<string, string>) => Object.fromEntries(Object.entries(classes).map(([type, permitClass]) => [type, [permitClass]]));
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String(from + i));

/** Per country: each native type the permit adapter writes, with the classes it can give that type. */
const adapterPermitTypes: Record<string, Record<string, string[]>> = {
  // lpa.adapter.ts and tka.adapter.ts write these constants: the registries name no type.
  BRN: byMajorGroup(['LPA'], brnLpa.permitClassByIscoMajorGroup),
  IDN: { PENGESAHAN_RPTKA: ['PROFESSIONAL'] },
  KHM: fixed(khmFwcms.permitClassByQuotaCategory),
  LAO: byMajorGroup([laoMlsw.nativeType], laoMlsw.permitClassByIscoMajorGroup),
  MMR: byMajorGroup(Object.keys(mmrMol.channels), mmrMol.permitClassByIscoMajorGroup),
  MYS: fixed(mysImi.permitClassByPassType),
  PHL: byMajorGroup(Object.keys(phlAep.types), phlAep.permitClassByIscoMajorGroup),
  SGP: fixed(sgpMom.permitClass),
  THA: fixed(thaDoe.permitClassByWorkerType),
  TLS: byMajorGroup([tlsSefope.nativeType], tlsSefope.permitClassByIscoMajorGroup),
  VNM: fixed(vnmGpld.permitClass),
};

/** Per country: every `nationalLevel` the certification adapter can write (null aside). */
const adapterNationalLevels: Record<string, string[]> = {
  BRN: range(1, 8), // bdnac.adapter.ts: BDQF_LEVELS 1-8
  IDN: range(1, 9), // bnsp.adapter.ts: jenjang_kkni as written, KKNI has nine levels
  KHM: Object.values(khmNtb.awards).map((award) => String(award.cqfLevel)),
  LAO: Object.keys(laoNvqf.levels),
  MMR: Object.keys(mmrNssa.levels),
  MYS: Object.keys(mysJpk.certificateByLevel),
  PHL: Object.keys(phlTesda.ncLevels),
  SGP: Object.keys(sgpSsg.levels),
  THA: Object.keys(thaDsd.levels),
  TLS: Object.keys(tlsIndmo.levels),
  VNM: Object.keys(vnmKynang.levels),
};

describe('schema/reference describes what the adapters produce', () => {
  it.each(Object.keys(adapterPermitTypes))('%s: the same permit native types, with the classes the adapter gives them', (country) => {
    const described = Object.fromEntries(permitTypes(country).map((permitType) => [permitType.nativeType, [...permitType.permitClasses].sort()]));
    expect(described).toEqual(adapterPermitTypes[country]);
  });

  it.each(Object.keys(adapterNationalLevels))('%s: every national level the adapter writes is a level of the framework', (country) => {
    const levels = qualificationFramework(country)!.levels.map((level) => level.nationalLevel);
    for (const nationalLevel of adapterNationalLevels[country]) expect(levels, `${country} ${nationalLevel}`).toContain(nationalLevel);
  });
});
