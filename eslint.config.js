import js from '@eslint/js'
import pluginVue from 'eslint-plugin-vue'
import tseslint from 'typescript-eslint'

const vueFiles = ['**/*.vue']

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/node_modules/**',
      '**/coverage/**',
      'docs/.vitepress/cache/**',
      'docs/.tmp/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  // Single-file components: the plugin's vue-eslint-parser reads the template and hands
  // `<script setup lang="ts">` to the TypeScript parser.
  ...pluginVue.configs['flat/recommended'].map((config) => ({ ...config, files: vueFiles })),
  {
    files: vueFiles,
    languageOptions: { parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'] } },
    rules: {
      // The core rules typescript-eslint turns off for .ts files (no-undef...): vue-tsc checks those.
      ...tseslint.configs.eslintRecommended.rules,
      // Prettier formats templates (`prettier --check .`); the plugin's layout rules would fight it.
      ...pluginVue.configs['no-layout-rules'].rules,
    },
  },
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', module: 'writable' },
    },
  },
  {
    // The consumer test's CommonJS fixtures: what a user's require()-based code looks like.
    files: ['scripts/consumer/fixtures/node/*.cjs', 'scripts/consumer/fixtures/node/*.cts'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', exports: 'writable', Request: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
