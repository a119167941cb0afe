#!/usr/bin/env node
// Thin shim: the compiled CLI does the work; this file only hands it the real process.
import { run } from '../dist/cli/run.js';
import { realIo } from '../dist/cli/io.js';

process.exitCode = await run(process.argv.slice(2), realIo());
