export { errorCodes, type ErrorCode } from './codes.js';
export { RantauError, RegistryError, badUserInput, isRegistryError, type RegistryFailureCode } from './errors.js';
