// Runs one CLI command in this process with stdout discarded and prints
// {"ms":…, "maxRssMb":…} on stderr's last line: the scale benchmark's probe.
import { performance } from 'node:perf_hooks';
import { run } from '../dist/cli/run.js';
import { realIo } from '../dist/cli/io.js';

const io = { ...realIo(), stdout: () => {}, stderr: () => {} };
const t0 = performance.now();
const code = await run(process.argv.slice(2), io);
const ms = performance.now() - t0;
process.stderr.write(`\n${JSON.stringify({ code, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
