#!/usr/bin/env node
import { main } from '../src/main.js';

// A closed pipe (`roadmap list | head -1`) is the reader's choice, not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await main();
