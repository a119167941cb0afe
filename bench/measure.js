// Runs one CLI command in this process with stdout discarded and prints
// {"ms":…, "cpuMs":…, "maxRssMb":…} on stderr's last line: the scale benchmark's probe.
// cpuMs (all threads of the process) is the figure to read on a loaded machine.
import { performance } from 'node:perf_hooks';
import { run } from '../dist/cli/run.js';
import { realIo } from '../dist/cli/io.js';

let said = '';
const io = { ...realIo(), stdout: () => {}, stderr: (t) => void (said += t) };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const code = await run(process.argv.slice(2), io);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
process.stderr.write(`\n${JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(code >= 2 ? { message: said.trim().split('\n').pop()?.slice(0, 200) } : {}) })}\n`);
