import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import type { GraphQLFormattedError } from 'graphql';

/**
 * Apollo Gateway plans one entity fetch per path: fifty aliased `node(id)` fields become fifty
 * `_entities` requests to the same country subgraph, issued together. This data source merges the
 * `_entities` requests one operation sends to one subgraph in the same tick, with the same query,
 * into one request, and hands each its own slice of the answer: one HTTP round trip and one
 * DataLoader batch in the subgraph instead of fifty.
 *
 * Only requests of the same incoming operation are merged (never two callers' requests), only
 * when `representations` is their one variable, and an error stays with the entity it names.
 */
interface Pending {
  options: GraphQLDataSourceProcessOptions;
  representations: unknown[];
  resolve(response: GatewayGraphQLResponse): void;
  reject(error: unknown): void;
}

const ENTITIES = /^\s*query[^{]*\(\s*\$representations\s*:\s*\[_Any!\]!\s*\)\s*\{\s*_entities\s*\(/;
/** Each fetch of a plan has its own operation name (`Nodes__mys__3`); the rest of the text is what must match. */
const withoutName = (query: string) => query.replace(/^\s*query\s+\w+/, 'query');

export class EntityBatchingDataSource extends RemoteGraphQLDataSource {
  private readonly queues = new WeakMap<object, Map<string, Pending[]>>();

  override process(options: GraphQLDataSourceProcessOptions): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const variables = request.variables ?? {};
    const mergeable =
      'incomingRequestContext' in options &&
      typeof request.query === 'string' &&
      ENTITIES.test(request.query) &&
      Object.keys(variables).length === 1 &&
      Array.isArray(variables.representations);
    if (!mergeable) return super.process(options);

    const operation = (options as { incomingRequestContext: object }).incomingRequestContext;
    let byQuery = this.queues.get(operation);
    if (!byQuery) {
      byQuery = new Map();
      this.queues.set(operation, byQuery);
    }
    const query = withoutName(request.query!);
    return new Promise<GatewayGraphQLResponse>((resolve, reject) => {
      const queue = byQuery.get(query);
      const pending: Pending = { options, representations: variables.representations as unknown[], resolve, reject };
      if (queue) {
        queue.push(pending);
        return;
      }
      byQuery.set(query, [pending]);
      // The gateway starts the fetches of one Parallel node synchronously, one after another.
      setImmediate(() => {
        const batch = byQuery.get(query)!;
        byQuery.delete(query);
        void this.send(batch);
      });
    });
  }

  private async send(batch: Pending[]): Promise<void> {
    if (batch.length === 1) {
      super.process(batch[0].options).then(batch[0].resolve, batch[0].reject);
      return;
    }
    const [first] = batch;
    const representations = batch.flatMap((pending) => pending.representations);
    let response: GatewayGraphQLResponse;
    try {
      response = await super.process({ ...first.options, request: { ...first.options.request, variables: { representations } } });
    } catch (error) {
      for (const pending of batch) pending.reject(error);
      return;
    }
    const entities: unknown[] | undefined = response.data?._entities;
    let offset = 0;
    batch.forEach((pending, index) => {
      const size = pending.representations.length;
      const mine = (error: GraphQLFormattedError) => {
        const at = error.path?.[0] === '_entities' ? error.path[1] : undefined;
        // An error that names no entity is reported once, with the first slice.
        return typeof at === 'number' ? at >= offset && at < offset + size : index === 0;
      };
      const errors = response.errors
        ?.filter(mine)
        .map((error) => (error.path?.[0] === '_entities' && typeof error.path[1] === 'number' ? { ...error, path: ['_entities', error.path[1] - offset, ...error.path.slice(2)] } : error));
      pending.resolve({
        ...response,
        data: response.data === null || response.data === undefined ? response.data : { ...response.data, _entities: entities?.slice(offset, offset + size) ?? null },
        errors: errors && errors.length > 0 ? errors : undefined,
      });
      offset += size;
    });
  }
}
