// Migration 3: appeal targets, plans and responses (filled in by the appeals work).
export const appeals = '';
