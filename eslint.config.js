// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import i18next from 'eslint-plugin-i18next';
import globals from 'globals';

/**
 * Dependencies point one way: shared <- browser (data, no screens) <- screens <- app shell.
 * The server never imports browser code, and screens never import each other, except the
 * admin area, which builds on the staff screen's login and the kiosk's guide components.
 */
const screens = ['./src/kiosk', './src/staff', './src/admin'];
const layers = [
  { target: './src/shared', from: ['./src/server', './src/browser', ...screens, './src/app'] },
  { target: './src/server', from: ['./src/browser', ...screens, './src/app'] },
  { target: './src/browser', from: ['./src/server', ...screens, './src/app'] },
  { target: './src/kiosk', from: ['./src/server', './src/staff', './src/admin', './src/app'] },
  { target: './src/staff', from: ['./src/server', './src/kiosk', './src/admin', './src/app'] },
  // The admin area is the staff screens' back office (same accounts, same login), and its
  // preview shows guides with the kiosk's own components, so it may import from both.
  { target: './src/admin', from: ['./src/server', './src/app'] },
];

export default tseslint.config(
  { ignores: ['dist', 'data', 'reports', 'node_modules', 'test-results', 'playwright-report'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.browser, ...globals.node },
    },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver': { typescript: true, node: true } },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      'import-x/no-cycle': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layers }],
    },
  },
  {
    // No bare text in screens: every visitor-facing word goes through i18next.
    files: ['src/kiosk/**/*.tsx', 'src/staff/**/*.tsx', 'src/admin/**/*.tsx', 'src/app/**/*.tsx'],
    plugins: { i18next },
    rules: {
      'i18next/no-literal-string': ['error', { mode: 'jsx-text-only' }],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
