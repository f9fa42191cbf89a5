// `npm run ide:build`: bundles the IDE and the analyst page into .cache/ ahead of time (the
// Dockerfile runs it so a container starts without bundling); the gateway otherwise builds them on
// its first start.
import { ensureIdeBundle } from '../gateway/ide/bundle.js';
import { ensureAnalystBundle } from '../gateway/analyst/bundle.js';

console.log(`IDE bundle in ${await ensureIdeBundle()}`);
console.log(`Analyst page bundle in ${await ensureAnalystBundle()}`);
