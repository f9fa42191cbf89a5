import { composeServices } from '@apollo/composition';
import gql from 'graphql-tag';

/** One subgraph as the composer sees it: its name, where the gateway reaches it, its SDL. */
export interface SubgraphSource {
  name: string;
  url: string;
  sdl: string;
}

export class CompositionError extends Error {
  constructor(readonly problems: string[]) {
    super(`The subgraphs do not compose:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'CompositionError';
  }
}

/** Composes subgraph SDL into a supergraph with Apollo's own composer, or throws the errors in plain words. */
export function composeSupergraph(subgraphs: SubgraphSource[]): string {
  const result = composeServices(subgraphs.map((s) => ({ name: s.name, url: `${s.url}/graphql`, typeDefs: gql(s.sdl) })));
  if (result.errors) throw new CompositionError(result.errors.map((error) => error.message));
  return result.supergraphSdl;
}
