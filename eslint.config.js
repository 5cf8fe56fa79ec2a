import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  { ignores: ['node_modules/', 'data/', 'dist/', 'tmp/'] },
  tseslint.configs.recommended,
);
