// The regional subgraph's reference and recognition fields (issue 14). Frameworks, arrangements
// and permit types are public reference data. Recognising a named worker's certificate is
// personal data: the certificate is checked through its own country (whose policy and audit
// apply), then compared with the host framework by the pure rules of `schema/reference/`.
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { RantauError, badUserInput } from '../../schema/errors/index.js';
import { parseGlobalId } from '../../schema/ids/index.js';
import { memberStateArgument, mutualRecognitionArrangements, permitTypes, qualificationFrameworks, recognise } from '../../schema/reference/index.js';
import { internalFieldNames } from '../kit/country.js';
import { failureError } from './countryLocator.js';
import { ComparableQualification, MutualRecognitionArrangement, PermitType, QualificationFramework, Recognition, arrangementOf, frameworkOf, permitTypeOf } from './reference.js';
import type { RegionalContext } from './resolvers.js';

/** At most this many comparable qualifications in one answer. */
const MAX_COMPARABLE = 50;

@Resolver(() => Recognition)
export class ReferenceResolver {
  @Query(() => [QualificationFramework], { description: "Every member state's qualification framework, its levels and its AQRF referencing, with sources." })
  qualificationFrameworks(): QualificationFramework[] {
    return qualificationFrameworks().map(frameworkOf);
  }

  @Query(() => [MutualRecognitionArrangement], { description: 'The ASEAN Mutual Recognition Arrangements, what each covers and requires.' })
  mutualRecognitionArrangements(): MutualRecognitionArrangement[] {
    return mutualRecognitionArrangements().map(arrangementOf);
  }

  @Query(() => [PermitType], { description: "Member states' work permit types: shared class, duration, renewal, quotas, legal basis. All member states unless `country` names one." })
  permitTypes(@Arg('country', () => String, { nullable: true, description: 'A member state, ISO alpha-3.' }) country: string | null): PermitType[] {
    if (country !== null) memberStateArgument('country', country.trim().toUpperCase());
    return permitTypes(country === null ? undefined : country.trim().toUpperCase()).map(permitTypeOf);
  }

  @Query(() => Recognition, { nullable: true, description: "What a certification corresponds to in a host member state's framework, on what basis. A certification its registry does not hold is a NOT_FOUND error; a host that is not a member state is BAD_USER_INPUT." })
  async recognition(
    @Arg('certificationId', () => ID, { description: 'Global id of a certification, `<COUNTRY>:CERT:<native id>`.' }) certificationId: string,
    @Arg('hostCountry', () => String, { description: 'The host member state, ISO alpha-3.' }) hostCountryInput: string,
    @Ctx() context: RegionalContext,
  ): Promise<Recognition | null> {
    const hostCountry = hostCountryInput.trim().toUpperCase();
    memberStateArgument('hostCountry', hostCountry);
    const parsed = parseGlobalId(certificationId, 'certificationId');
    if (parsed.kind !== 'CERT') throw badUserInput('certificationId', `expected the global id of a certification (<COUNTRY>:CERT:<native id>), got a ${parsed.kind === 'PERMIT' ? 'permit' : 'record'} id`);
    const locator = context.locators.get(parsed.country);
    if (!locator) throw badUserInput('certificationId', `expected a certification of a member state Rantau serves (${[...context.locators.keys()].join(', ')}), got country ${JSON.stringify(parsed.country)}`);
    const check = await locator.check.load(certificationId);
    if (check.failure) throw failureError(parsed.country, check.failure);
    if (!check.found) throw new RantauError('NOT_FOUND', `${parsed.country}'s registry holds no certification ${JSON.stringify(parsed.nativeId.slice(0, 64))}`, { argument: 'certificationId', country: parsed.country });
    const compared = recognise({ country: parsed.country, nationalLevel: check.nationalLevel, isco: check.isco, hostCountry });
    return {
      certification: { __typename: internalFieldNames(parsed.country).certificationType, id: certificationId },
      hostCountry,
      aqrfLevel: compared.aqrfLevel,
      basis: compared.basis,
      homeFramework: compared.framework,
      hostFramework: compared.hostFramework,
      hostFrameworkName: compared.hostFrameworkName,
      hostLevels: compared.hostLevels,
      mutualRecognition: compared.mutualRecognition ? arrangementOf(compared.mutualRecognition) : null,
      caveats: compared.caveats,
      isco: check.isco,
      hostNationalLevels: compared.hostNationalLevels,
    };
  }

  // Nullable: a host country without an index yet (INDEX_UNAVAILABLE) costs this field only, not the comparison.
  @FieldResolver(() => [ComparableQualification], { nullable: true, description: "The host's qualifications in the certification's ISCO-08 unit group at the host levels above, most issued first, from the host country's index. Empty where the certification has no ISCO code or no host level can be named." })
  async comparableQualifications(
    @Root() recognition: Recognition,
    @Arg('first', () => Int, { defaultValue: 10, description: `At most this many (1-${MAX_COMPARABLE}).` }) first: number,
    @Ctx() context: RegionalContext,
  ): Promise<ComparableQualification[]> {
    if (!(first >= 1 && first <= MAX_COMPARABLE)) throw badUserInput('first', `expected 1 to ${MAX_COMPARABLE}, got ${first}`);
    if (recognition.isco === null || recognition.hostNationalLevels.length === 0) return [];
    const host = context.locators.get(recognition.hostCountry);
    if (!host) throw new RantauError('INDEX_UNAVAILABLE', `${recognition.hostCountry} is not served by this deployment, so its qualifications cannot be listed`, { country: recognition.hostCountry });
    const found = await host.qualifications.load({ isco: recognition.isco, nationalLevels: recognition.hostNationalLevels, first });
    return found.map((qualification) => ({ country: recognition.hostCountry, ...qualification }));
  }
}
