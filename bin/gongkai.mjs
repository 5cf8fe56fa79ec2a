#!/usr/bin/env node
import { register } from 'tsx/esm/api';

register();

// A closed pipe (`gongkai parse --json dir | head`) ends the run quietly instead of with a stack trace.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const { main } = await import('../src/ingest/cli.ts');
process.exitCode = await main(process.argv.slice(2));
