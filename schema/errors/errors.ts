import { GraphQLError } from 'graphql';
import type { ErrorCode } from './codes.js';

/** The one error type of Rantau: a GraphQLError whose `extensions.code` comes from `codes.ts`. */
export class RantauError extends GraphQLError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extensions } });
    this.code = code;
  }
}

export function badUserInput(argument: string, message: string): RantauError {
  return new RantauError('BAD_USER_INPUT', message, { argument });
}

export type RegistryFailureCode = Extract<
  ErrorCode,
  'REGISTRY_UNAVAILABLE' | 'REGISTRY_RATE_LIMITED' | 'REGISTRY_PROTOCOL_ERROR' | 'RECORD_UNREADABLE' | 'NATIONALITY_NOT_EXPRESSIBLE' | 'IDENTITY_ATTRIBUTES_REQUIRED' | 'NOT_FOUND'
>;

/** A failure of one national registry, always naming the country and the registry. */
export class RegistryError extends RantauError {
  readonly country: string;
  readonly registry: string;
  constructor(
    code: RegistryFailureCode,
    country: string,
    registry: string,
    message: string,
    extensions: Record<string, unknown> = {},
  ) {
    super(code, `${country} ${registry}: ${message}`, { country, registry, ...extensions });
    this.country = country;
    this.registry = registry;
  }
}

export function isRegistryError(error: unknown): error is RegistryError {
  return error instanceof RegistryError;
}
