// Runs one CLI command in this process with stdout discarded and prints
// {"ms":…, "cpuMs":…, "maxRssMb":…} on stderr's last line: the scale benchmark's probe.
// cpuMs (all threads of the process) is the figure to read on a loaded machine.
// MEASURE_WORKERS=0 keeps all parsing on the main thread (the reference for the parallel speed-up).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { run } from '../dist/cli/run.js';
import { realIo } from '../dist/cli/io.js';

let said = '';
const io = { ...realIo(), stdout: () => {}, stderr: (t) => void (said += t), ...(process.env.MEASURE_WORKERS === '0' ? { workers: false } : {}) };
const t0 = performance.now();
const cpu0 = process.cpuUsage();
const main0 = mainThreadCpuMs();
const code = await run(process.argv.slice(2), io);
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const main = main0 === undefined ? undefined : mainThreadCpuMs() - main0;
process.stderr.write(`\n${JSON.stringify({ code, ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, ...(main === undefined ? {} : { mainCpuMs: main }), ...(code >= 2 ? { message: said.trim().split('\n').pop()?.slice(0, 200) } : {}) })}\n`);

/**
 * CPU time of the main thread alone (Linux; 10 ms
 * ticks), so its share of cpuMs shows whether it is the bottleneck of a run on
 * worker threads: on two idle cores the wall time cannot be under it.
 */
function mainThreadCpuMs() {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of the line; after the name they are 12th and 13th.
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}
