// The regional subgraph's reference and recognition fields (issue 14). Frameworks, arrangements
// and permit types are public reference data. Recognising a named worker's certificate is
// personal data: the certificate is checked through its own country (whose policy and audit
// apply), then compared with the host framework by the pure rules of `schema/reference/`.
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { RantauError, badUserInput } from '../../schema/errors/index.js';
import { parseGlobalId } from '../../schema/ids/index.js';
import { memberStateArgument, mutualRecognitionArrangements, permitTypes, qualificationFrameworks, recognise } from '../../schema/reference/index.js';
import { internalFieldNames } from '../kit/country.js';
import { failureError } from './countryLocator.js';
import { MutualRecognitionArrangement, PermitType, QualificationFramework, Recognition, arrangementOf, frameworkOf, permitTypeOf } from './reference.js';
import type { RegionalContext } from './resolvers.js';

@Resolver()
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
    };
  }
}
