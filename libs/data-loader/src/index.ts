export * from './lib/validation/data-issue';
