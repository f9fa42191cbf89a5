export * from './enums.js';
export * from './scalars.js';
export { Node } from './node.js';
export { Occupation, Organisation } from './valueTypes.js';
export { Certification } from './certification.js';
export { WorkPermit } from './workPermit.js';
