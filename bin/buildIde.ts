// `npm run ide:build`: bundles the IDE into .cache/ide/ ahead of time (the Dockerfile runs it so a
// container starts without bundling); the gateway otherwise builds it on its first start.
import { ensureIdeBundle } from '../gateway/ide/bundle.js';

console.log(`IDE bundle in ${await ensureIdeBundle()}`);
