import type { Population } from '../sandbox/population/population.js';

export interface SampleWorker {
  nationality: string;
  documentNumber: string;
  dateOfBirth: string;
}

/** Workers of the synthetic population with records in the most served countries first. */
export function sampleCandidates(population: Population, served: readonly string[], limit = 20, minCountries = 2): SampleWorker[] {
  return population.people
    .filter((p) => p.passportNo !== null)
    .map((p) => ({ p, countries: new Set(p.holdings.map((h) => h.country).filter((c) => served.includes(c))).size }))
    .filter(({ countries }) => countries >= minCountries)
    .sort((a, b) => b.countries - a.countries || a.p.pid - b.p.pid)
    .slice(0, limit)
    .map(({ p }) => ({ nationality: p.nationality, documentNumber: p.passportNo!, dateOfBirth: p.dateOfBirth }));
}

export function sampleQuery(worker: SampleWorker): string {
  return `# A real worker of the simulated registries, with records in several member states.
query Worker {
  worker(nationality: "${worker.nationality}", documentNumber: "${worker.documentNumber}", dateOfBirth: "${worker.dateOfBirth}") {
    id
    countries
    certifications {
      id country title status nativeStatus issuedOn validUntil aqrfLevel aqrfBasis
      occupation { isco national }
    }
    permits {
      id country permitClass nativeType status nativeStatus validFrom validUntil
      employer { name }
    }
  }
}
`;
}
