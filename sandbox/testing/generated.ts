// Property-based conformance (issue 11): every registry's sandbox generates native records across
// the whole space its specification allows — every number shape, absent and null optional fields,
// every status (pending records without dates), every value of every vocabulary, the format's
// variations — together with what the contract must say for each. The expectation comes from the
// generator's own canonical choices, never from the adapter, so a test compares two independent
// readings of the specification. `test/conformance/generated.test.ts` serves the natives from the
// registry's simulator and reads them back through the gateway.
import type { Arbitrary } from 'fast-check';

/** What the contract must say for one generated record: only the fields the generator decides. */
export interface ExpectedRecord {
  nativeId: string;
  holderNationality?: string | null;
  holderDocumentNumber?: string | null;
  status: string;
  nativeStatus: string;
  /** Certifications. */
  nationalLevel?: string | null;
  aqrfLevel?: number | null;
  aqrfBasis?: string;
  issuedOn?: string | null;
  /** Permits. */
  permitClass?: string;
  nativeType?: string;
  validFrom?: string | null;
  validUntil?: string | null;
  occupationIsco?: string | null;
}

export interface GeneratedNative<N> {
  /** A native record exactly as the registry would send it. */
  native: N;
  /** Every contract record it answers for (one, or a Brunei licence's lines), with what each must say. */
  records: ExpectedRecord[];
}

/** A registry's generator, exported from its country's `sandbox/index.ts` as `arbitraries`. */
export interface RegistryArbitrary<N = unknown> {
  /** The registry key (`bnsp`, `tka`, …). */
  registry: string;
  arbitrary: Arbitrary<GeneratedNative<N>>;
}
