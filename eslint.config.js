// @ts-check
import eslint from '@eslint/js';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

// src/core is the pure core: parsing, REF resolution, progress maths. It gets its input as
// arguments and returns values, so it can be tested without a disk, a terminal or a clock.
// These rules keep it that way: what it may not reach for is an error, not a review comment.
const corePurity = {
  files: ['src/core/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: builtinModules.map((name) => ({
          name,
          message: 'src/core is pure: no Node built-in modules (file system, processes, OS); do that in src/io.',
        })),
        patterns: [
          {
            regex: '^node:',
            message: 'src/core is pure: no Node built-in modules (file system, processes, OS); do that in src/io.',
          },
          {
            regex: '^(\\.\\./)+(io|render|commands)(/|$)',
            message: 'src/core is pure: it may not import src/io, src/render or src/commands; they import the core.',
          },
          {
            regex: '^(\\.\\./)+(errors|error-handler|execute|main|cli|quick|program|session)\\.js$',
            message:
              'src/core is pure: it may not import the top-level modules of src (errors, main, cli, ...); return a value and let the caller decide.',
          },
        ],
      },
    ],
    'no-restricted-globals': [
      'error',
      { name: 'process', message: 'src/core is pure: take argv, env, the time or the cwd as an argument.' },
      { name: 'console', message: 'src/core is pure: return a string and let src/render or the caller print it.' },
    ],
    'no-restricted-properties': [
      'error',
      { object: 'globalThis', property: 'process', message: 'src/core is pure: take what you need as an argument.' },
      { object: 'globalThis', property: 'console', message: 'src/core is pure: return a string instead.' },
      { object: 'Date', property: 'now', message: 'src/core is pure: take the time as an argument (ROADMAP_NOW).' },
    ],
    'no-restricted-syntax': [
      'error',
      { selector: 'ImportExpression', message: 'src/core is pure: it loads no modules at run time.' },
      {
        selector: "NewExpression[callee.name='Date'][arguments.length=0]",
        message: 'src/core is pure: take the time as an argument (ROADMAP_NOW); new Date(value) is fine.',
      },
    ],
  },
};

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/'] },
  eslint.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
    },
  },
  corePurity,
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', require: 'readonly' } },
    extends: [tseslint.configs.disableTypeChecked],
  },
);
