/** The app's version (package.json), reported to the server so admins see which tablets lag behind. */
export const APP_VERSION: string =
  // `typeof`: the unit tests run without Vite's define, where the name does not exist at all.
  typeof __LOTSEN_VERSION__ === 'string' ? __LOTSEN_VERSION__ : 'development';
