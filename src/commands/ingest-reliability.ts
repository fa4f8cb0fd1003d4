// How far a source can be trusted, most first: `add source --reliability` and `ingest --reliability`.
// Kept apart (and free of imports) because register.ts loads it on every run.
// (It belongs with the domain types in src/domain/types.ts; it lives here until that file can take it.)
export const RELIABILITIES = ['highly-reliable', 'reliable', 'fairly-reliable', 'unreliable', 'unknown'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
