import { Field, ID, InterfaceType } from 'type-graphql';

/** Anything with a global id that `Query.node` can fetch. */
@InterfaceType('Node', {
  description: 'A record with a global id of the form `<COUNTRY>:<KIND>:<native id>` (for example `IDN:CERT:74101.2421.3.0004512.2023`). `Query.node(id)` fetches any of them.',
  autoRegisterImplementations: false,
  resolveType: (value: { __typename?: string }) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'Global id `<COUNTRY>:<KIND>:<native id>`; KIND is CERT or PERMIT.' })
  id!: string;
}
