#!/usr/bin/env node
// The statecraft CLI without a build step: registers tsx, then runs the TypeScript entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
