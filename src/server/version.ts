/**
 * The version from package.json. A JSON import works in every way the server
 * runs: tsx and Vitest read package.json when the module loads, and the Vite
 * build copies the value into dist/server/main.js, so the built server needs
 * neither package.json nor a particular working directory at run time.
 */
import packageJson from '../../package.json' with { type: 'json' };

export const LOTSEN_VERSION: string = packageJson.version;
