// The Brunei identity card both simulators write for a person, so that BDNAC's `noIC` and the
// licence's `noICHijau` agree. Citizens hold a yellow card and foreigners a green one; the first two
// digits follow the specification's examples (`01-234567` for a citizen, `51-012345` for a foreign
// worker) and are illustrative, not an official numbering. No one in the synthetic population is a
// permanent resident (purple card): migrants there come to work on a licence.
import { recordRandom, type Person } from '../../../sandbox/population/population.js';
import type { BdnacRecord } from '../bdnac.native.js';

export function identityCardOf(person: Person): { noIC: string; warnaIC: BdnacRecord['warnaIC'] } {
  const r = recordRandom('brn-ic', person.pid);
  return person.nationality === 'BRN'
    ? { noIC: `${r.pick(['00', '01'])}-${r.digits(6)}`, warnaIC: 'KUNING' }
    : { noIC: `${r.pick(['50', '51'])}-${r.digits(6)}`, warnaIC: 'HIJAU' };
}
