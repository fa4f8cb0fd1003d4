// The version, in a module of its own so that `caselog --version` is answered without loading the program.
export const VERSION = '0.1.0';
