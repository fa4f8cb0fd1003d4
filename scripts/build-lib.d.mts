export function buildCaselog(outdir: string, options?: { codeCache?: boolean }): Promise<{ cli: string; core: string }>;
