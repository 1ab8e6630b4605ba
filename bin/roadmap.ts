#!/usr/bin/env node
import { main } from '../src/main.js';

void main().then((code) => {
  process.exitCode = code;
});
