import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { GraphQLDateTime } from 'graphql-scalars';
import { isIsoDate } from '../dates/index.js';
import { isAlpha3 } from '../countries/index.js';

function stringScalar(name: string, description: string, check: (value: string) => boolean, expected: string): GraphQLScalarType {
  const coerce = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) {
      throw new TypeError(`${name}: expected ${expected}, got ${JSON.stringify(value)}`);
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: coerce,
    parseValue: coerce,
    parseLiteral(ast: ValueNode) {
      if (ast.kind !== Kind.STRING) throw new TypeError(`${name}: expected ${expected} as a string literal`);
      return coerce(ast.value);
    },
  });
}

/** A calendar date `YYYY-MM-DD` (ISO 8601), with no time zone. */
export const DateScalar = stringScalar(
  'Date',
  'A calendar date `YYYY-MM-DD` (ISO 8601). Registries\' native formats (Buddhist Era, month-first, …) are converted at the edge.',
  isIsoDate,
  'a date as YYYY-MM-DD',
);

/** An ISO 3166-1 alpha-3 country code. */
export const CountryCodeScalar = stringScalar(
  'CountryCode',
  'An ISO 3166-1 alpha-3 country code (`IDN`, `MMR`, `BGD`), validated against the ISO list.',
  isAlpha3,
  'an ISO 3166-1 alpha-3 country code',
);

export const DateTimeScalar = GraphQLDateTime;
