// Types for the benchmark's generator, used by the round-trip stress test.
export declare const BENCH_TODAY: string;
/** Writes a caselog export file with this many events (and a tenth as many people) to path. */
export declare function generate(path: string, events: number): void;
