// Rantau carries workers' personal data between governments: it makes no connection nobody
// configured. @apollo/gateway 2.14, unless APOLLO_TELEMETRY_DISABLED is set when a gateway is
// constructed, sends host CPU, memory and architecture to Apollo's usage-reporting endpoint every
// hour and probes cloud metadata addresses (AWS, GCP, Azure, Alibaba) to describe the host. This
// module is imported before @apollo/gateway and sets it in code, whatever the environment says;
// the plugins below keep Apollo Server's own usage and schema reporting off even if an APOLLO_KEY
// appears in the environment. test/e2e/outbound.e2e.test.ts proves no other connection is made.
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginSchemaReportingDisabled, ApolloServerPluginUsageReportingDisabled } from '@apollo/server/plugin/disabled';

export function disableApolloTelemetry(): void {
  process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

disableApolloTelemetry();

/** Apollo Server's reporting plugins, switched off explicitly. */
export function noReportingPlugins(): ApolloServerPlugin<BaseContext>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled()];
}
