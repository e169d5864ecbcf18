import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'static/*/build/', 'test-results/', 'coverage/', '.local/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // The domain is the pure core: no I/O, no Forge, no Jira (dependency-cruiser checks it at
    // any depth; this gives the same message in an editor). Tests may read fixture files.
    files: ['src/domain/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*test-support.ts', '**/*-mother.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@forge/*', '../jira/*', '../resolvers/*', '../triggers/*', '../cli/*', 'node:*'] },
      ],
    },
  },
  {
    files: ['static/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['local/forge/public/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        window: 'readonly',
        document: 'readonly',
        fetch: 'readonly',
        Promise: 'readonly',
        ResizeObserver: 'readonly',
        setTimeout: 'readonly',
        setInterval: 'readonly',
        Headers: 'readonly',
      },
    },
  },
  {
    files: ['*.js', '*.cjs', '.dependency-cruiser.cjs', 'test/support/*.js', 'bin/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: {
        module: 'writable',
        require: 'readonly',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
