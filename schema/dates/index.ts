export * from './nativeDates.js';
