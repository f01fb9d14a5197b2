/**
 * Stored document types, one file per bounded context. Unions (statuses, kinds) come from
 * `shared/domain`, so a document, its contract and its rules cannot drift apart.
 */
export * from './accounts';
export * from './attempts';
export * from './activities';
export * from './audit';
export * from './donations';
export * from './messages';
export * from './orders';
export * from './stations';
export * from './volunteering';
export * from './targets';
export * from './target-links';
