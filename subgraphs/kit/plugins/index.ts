// The country plugins the kit ships; a deployment chooses its list in one place (bin/runtime.ts).
export type { Background, CountryPlugin } from './plugin.js';
export { registryMetrics } from './registryMetrics.js';
export { recordCache, type RecordCachePlugin } from './recordCachePlugin.js';
export { changeFeed } from './changeFeedPlugin.js';
export { unbatched } from './unbatched.js';
export { verifierFields } from './verifierFields.js';
export { ownerPolicy, releaseNoteOf, type OwnerPolicyOptions } from './ownerPolicy.js';
export { auditTrail, type AuditTrailOptions } from './auditTrail.js';
export { countryIndexPlugin, type CountryIndexPlugin, type CountryIndexOptions } from './countryIndexPlugin.js';
export { sharedBatching } from './sharedBatching.js';
