import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'esbuild.js', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'smart'],
      curly: ['error', 'multi-line'],
    },
  },
  {
    // The protocol layer must stay usable without VS Code (CLI, tests, benchmarks), and nothing below the glue
    // reaches up into it. The page bundles also stay free of the kind
    // descriptors (the host sends what a page shows), which would ship every kind's vocabulary a second time.
    files: ['src/core/**/*.ts', 'src/cli/**/*.ts', 'src/shared/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/core, src/cli, src/shared and src/webview must not depend on VS Code.' }],
          patterns: [{ group: ['**/vscode/**'], message: 'src/vscode is the VS Code glue: it may import these layers, never the reverse (move shared code to src/shared).' }],
        },
      ],
    },
  },
  {
    files: ['src/webview/**/*.ts', 'src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'src/shared and src/webview must not depend on VS Code.' }],
          patterns: [
            { group: ['**/vscode/**'], message: 'src/vscode is the VS Code glue: it may import these layers, never the reverse (move shared code to src/shared).' },
            { group: ['**/core/kinds/**', '**/core/protocol'], message: 'page bundles carry no kind descriptor or protocol code: the host sends what a page shows.' },
          ],
        },
      ],
    },
  },
);
