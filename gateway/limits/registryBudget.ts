// Demand control: before an operation runs, estimate how many national-registry calls it can
// cause, and refuse it over the budget (REGISTRY_CALL_BUDGET) with OPERATION_TOO_EXPENSIVE. One
// request once made about 2,050 registry calls (100 aliased `worker` fields) and starved every
// other caller. The estimate comes from the query's root fields and the registries' published
// batch limits, which the launcher passes in as a plain table (the gateway imports no country
// code; bin/runtime.ts builds the table from subgraphs/<cc>/profiles.ts):
//   worker           one holder search per registry (22 with eleven countries)
//   workers(n)       n holder searches per registry
//   node(id)         one call to the id's registry
//   nodes(ids)       per registry: ⌈ids / batch limit⌉, or one call per id without a batch endpoint
//   searchPermits(first), searchCertifications(first)
//                    the records of one page read by number from one registry of that kind: ⌈first /
//                    batch limit⌉, or `first` calls without a batch endpoint (the inspector's own
//                    member state is not known here, so the most any member state's registry costs)
// Aliases and fragments count every field they add. Ids are read from literals and variables;
// a malformed id or one of an unknown country costs nothing (the regional subgraph refuses it).
// Nested fields cost nothing: the records of a worker are primed by the holder search.
// A client that sends `Rantau-Cost-Estimate: true` gets the estimate in `extensions.cost`.
import { GraphQLError, Kind, valueFromASTUntyped, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type FieldNode } from 'graphql';
import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { fragmentsOf } from '../operationFields.js';
import { parseGlobalId } from '../../schema/ids/index.js';

/** One registry as demand control sees it. */
export interface RegistryCost {
  registry: string;
  kind: 'CERT' | 'PERMIT';
  /** Largest batch, or null without a batch endpoint. */
  batchLimit: number | null;
}

/** Every registry by ISO alpha-3 country code. */
export type RegistryTable = Record<string, RegistryCost[]>;

export const ESTIMATE_HEADER = 'rantau-cost-estimate';

type Args = Record<string, unknown>;
/** Records one search page reads when the query does not say (the contract's default). */
const DEFAULT_SEARCH_PAGE = 20;
const searchPage = (args: Args) => (typeof args.first === 'number' && args.first > 0 ? args.first : args.first === undefined || args.first === null ? DEFAULT_SEARCH_PAGE : 0);

/** What each root field costs: holder searches (× every registry), ids looked up, or a page of records of one kind. */
const ROOT_FIELDS: Record<string, { holders?: (args: Args) => number; ids?: (args: Args) => unknown[]; page?: { kind: 'CERT' | 'PERMIT'; size: (args: Args) => number } }> = {
  worker: { holders: () => 1 },
  workers: { holders: (args) => (Array.isArray(args.identities) ? args.identities.length : args.identities == null ? 0 : 1) },
  node: { ids: (args) => [args.id] },
  nodes: { ids: (args) => (Array.isArray(args.ids) ? args.ids : args.ids == null ? [] : [args.ids]) },
  searchPermits: { page: { kind: 'PERMIT', size: searchPage } },
  searchCertifications: { page: { kind: 'CERT', size: searchPage } },
};

export class RegistryBudget {
  private readonly registriesPerHolder: number;
  private readonly estimates = new WeakMap<object, number>();

  constructor(
    private readonly table: RegistryTable,
    readonly budget: number,
  ) {
    this.registriesPerHolder = Object.values(table).reduce((sum, registries) => sum + registries.length, 0);
  }

  /** Registry calls `ids` cost. */
  idsCost(ids: readonly unknown[]): number {
    const perRegistry = new Map<RegistryCost, number>();
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      let parsed;
      try {
        parsed = parseGlobalId(id);
      } catch {
        continue;
      }
      const registry = this.table[parsed.country]?.find((r) => r.kind === parsed.kind);
      if (registry) perRegistry.set(registry, (perRegistry.get(registry) ?? 0) + 1);
    }
    let calls = 0;
    for (const [registry, count] of perRegistry) calls += registry.batchLimit ? Math.ceil(count / registry.batchLimit) : count;
    return calls;
  }

  /** Registry calls reading `size` records by number from one registry of `kind`, in the member state where that costs most. */
  pageCost(kind: 'CERT' | 'PERMIT', size: number): number {
    let most = 0;
    for (const registries of Object.values(this.table)) {
      for (const registry of registries.filter((r) => r.kind === kind)) most = Math.max(most, registry.batchLimit ? Math.ceil(size / registry.batchLimit) : size);
    }
    return most;
  }

  /** The estimate for an operation (0 when there is none, e.g. before parsing). */
  estimateOperation(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Args): number {
    const holders: number[] = [];
    const ids: unknown[] = [];
    const pages: number[] = [];
    const visited = new Set<string>();
    const walk = (selectionSet: SelectionSetNode) => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
        else if (selection.kind === Kind.FRAGMENT_SPREAD) {
          const fragment = fragments[selection.name.value];
          if (fragment && !visited.has(fragment.name.value)) {
            visited.add(fragment.name.value);
            walk(fragment.selectionSet);
            visited.delete(fragment.name.value);
          }
        } else this.countField(selection, variables, holders, ids, pages);
      }
    };
    walk(operation.selectionSet);
    return holders.reduce((sum, n) => sum + n * this.registriesPerHolder, 0) + this.idsCost(ids) + pages.reduce((sum, n) => sum + n, 0);
  }

  private countField(field: FieldNode, variables: Args, holders: number[], ids: unknown[], pages: number[]): void {
    const rule = ROOT_FIELDS[field.name.value];
    if (!rule) return;
    const args: Args = {};
    for (const argument of field.arguments ?? []) args[argument.name.value] = valueFromASTUntyped(argument.value, variables);
    if (rule.holders) holders.push(rule.holders(args));
    if (rule.ids) ids.push(...rule.ids(args));
    if (rule.page) pages.push(this.pageCost(rule.page.kind, rule.page.size(args)));
  }

  /** The estimate for a request, computed once. */
  readonly estimate = (context: GraphQLRequestContext<BaseContext>): number => {
    const known = this.estimates.get(context);
    if (known !== undefined) return known;
    const { operation, document } = context;
    let estimate = 0;
    if (operation && document && operation.operation === 'query') {
      const fragments = fragmentsOf(document);
      const variables = (context.request.variables ?? {}) as Args;
      estimate = this.estimateOperation(operation, fragments, typeof variables === 'object' && variables !== null ? variables : {});
    }
    this.estimates.set(context, estimate);
    return estimate;
  };

  /** Whether a request fits the budget. */
  allows(context: GraphQLRequestContext<BaseContext>): boolean {
    return this.budget === 0 || this.estimate(context) <= this.budget;
  }

  plugin(): ApolloServerPlugin<BaseContext> {
    const { budget } = this;
    return {
      requestDidStart: async () => ({
        didResolveOperation: async (context) => {
          if (!this.allows(context)) {
            const estimated = this.estimate(context);
            throw new GraphQLError(`This operation could cause ${estimated} registry calls; the limit is ${budget} per operation. Ask for fewer workers or ids at once.`, {
              extensions: { code: 'OPERATION_TOO_EXPENSIVE', estimatedRegistryCalls: estimated, limit: budget, http: { status: 400 } },
            });
          }
        },
        willSendResponse: async (context) => {
          const wanted = context.request.http?.headers.get(ESTIMATE_HEADER);
          if (!wanted || wanted === 'false' || context.response.body.kind !== 'single' || !context.operation) return;
          const result = context.response.body.singleResult;
          result.extensions = { ...result.extensions, cost: { estimatedRegistryCalls: this.estimate(context), limit: budget } };
        },
      }),
    };
  }
}
