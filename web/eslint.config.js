// ESLint for the web client: JavaScript's and typescript-eslint's recommended rules, the rules
// of hooks (with the React Compiler's checks), and jsx-a11y's accessibility rules. Formatting
// is Prettier's job (.prettierrc.json), so no stylistic rules here.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test-results/', 'playwright-report/', 'src/app/api-schema.ts'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  reactHooks.configs.flat['recommended-latest'],
  jsxA11y.flatConfigs.recommended,
  {
    languageOptions: { globals: globals.browser },
    rules: {
      // A leading underscore marks what is left out on purpose, as in `const { id: _id, ...rest }`.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['e2e/**', '*.config.{js,ts}'],
    languageOptions: { globals: globals.node },
  },
);
