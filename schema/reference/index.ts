// Reference data (qualification frameworks, ASEAN MRAs, permit types) and the recognition of a
// certification in a host country: the public surface of this folder.
export * from './referenceData.js';
export * from './referenceSchema.js';
export { recognise, weakerBasis, type Recognition, type RecognitionQuestion } from './recognition.js';
