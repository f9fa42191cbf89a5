import 'reflect-metadata';
import { parse } from 'graphql';
import { Supergraph, operationFromDocument } from '@apollo/federation-internals';
import { QueryPlanner, prettyFormatQueryPlan } from '@apollo/query-planner';
import { readFileSync } from 'node:fs';

/** `npx tsx bin/queryPlan.ts [supergraph file] < query.graphql`: prints the gateway's plan for a query (docs/architecture.md uses it). */
const supergraph = Supergraph.build(readFileSync(process.argv[2] ?? 'supergraph.graphql', 'utf8'));
const query = readFileSync(0, 'utf8');
const operation = operationFromDocument(supergraph.schema, parse(query));
console.log(prettyFormatQueryPlan(new QueryPlanner(supergraph).buildQueryPlan(operation)));
