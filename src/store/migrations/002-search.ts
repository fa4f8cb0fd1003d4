// Migration 2: full-text search (filled in by the search work).
export const search = '';
