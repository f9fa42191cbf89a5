export * from './globalId.js';
export * from './identity.js';
