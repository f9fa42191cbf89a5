// The country runtime is a list of plugins, chosen in one place (bin/runtime.ts): each
// cross-cutting concern — record cache, change feed, registry metrics, and the trust concerns
// (policy, audit, masking) — hooks in here instead of being wired through the builder. The naive
// benchmark baseline is simply another list.
import type { ApolloServerPlugin } from '@apollo/server';
import type { RecordKind } from '../../../schema/ids/index.js';
import type { RegistryAttempt } from '../registryClient.js';
import type { RecordSource } from '../registrySource.js';
import type { GraphQLSchema } from 'graphql';
import type { CountryContext, RecordAccess } from '../countryContext.js';
import type { ReadinessProbe } from '../../../platform/readiness.js';
import type { CountryIndex } from '../index/countryIndex.js';

/**
 * Record sources over registry clients of their own, for background work (the country index's
 * sync), paced at the plugin's `backgroundRateShare` of the registry's rate; null for a registry
 * without a bulk interface.
 */
export type BackgroundSources = Record<RecordKind, RecordSource | null>;

/** Background work a plugin started (a change-feed watcher), stopped when the subgraph closes. */
export interface Background {
  stop(): void;
  /** Runs one round now (tests; the plugin's timer runs it too). */
  poll?(): Promise<number>;
}

export interface CountryPlugin {
  readonly name: string;
  /** Sees every HTTP attempt the registry clients make. */
  onRegistryAttempt?(attempt: RegistryAttempt): void;
  /** Sees the size of every registry fetch by number. */
  onRegistryFetch?(source: Pick<RecordSource, 'country' | 'registry'>, size: number): void;
  /** Wraps a registry's record source; plugins wrap in list order, so the first is the innermost. */
  wrapSource?(source: RecordSource): RecordSource;
  /** Starts background work over the country's wrapped sources (and, for plugins with a `backgroundRateShare`, sources of their own). */
  start?(sources: readonly RecordSource[], background: BackgroundSources): Background[];
  /**
   * Share (0–1) of each registry's rate that this plugin's background work uses, on registries with
   * a bulk interface; the live client keeps the rest.
   */
  readonly backgroundRateShare?: number;
  /** The country index that locating consults before searching live (one plugin provides it). */
  readonly index?: CountryIndex;
  /**
   * How long (seconds) a gateway may reuse an answer holding a record of this kind; the kit takes
   * the smallest opinion, and with none the answer is not reusable.
   */
  responseMaxAgeS?(kind: RecordKind): number | undefined;
  /** What `/ready` should check for this plugin (a store it needs). */
  readiness?(): ReadinessProbe[];
  /**
   * Wraps what one request may do with the records (read by id, locate by identity, check ids);
   * plugins wrap in list order, so the first is the innermost. `context.caller` is who asks.
   */
  wrapRequest?(access: RecordAccess, context: CountryContext): RecordAccess;
  /** Sees the country's built schema and record type names once, before the first request (checks that fail loudly at start). */
  bindSchema?(schema: GraphQLSchema, recordTypes: string[]): void;
  /** Per-request concerns, as Apollo Server plugins of the country's subgraph (they see `context.caller`). */
  serverPlugins?(country: { code: string }): ApolloServerPlugin<CountryContext>[];
  close?(): Promise<void>;
}
