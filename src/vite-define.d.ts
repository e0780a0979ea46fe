/**
 * Values Vite writes into the build (vite.config.ts `define`). Undefined where
 * the code runs without that build step, as in the unit tests.
 */
declare const __LOTSEN_VERSION__: string | undefined;
