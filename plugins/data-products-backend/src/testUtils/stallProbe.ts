import { performance } from 'node:perf_hooks';

export interface StallProbe {
  /** Stops sampling; the longest stretches seen, in milliseconds. */
  stop(): { wallMs: number; cpuMs: number };
}

/**
 * Samples the event loop every millisecond until stopped: the longest time
 * between two samples (what a request arriving meanwhile waits), and the
 * most CPU the main thread used between two samples (the longest synchronous
 * stretch itself, whatever else the machine is doing). The main thread's
 * own CPU (`process.threadCpuUsage`), not the process's: V8 marks the heap
 * concurrently on helper threads, and under a loaded machine that CPU
 * (seen: 637 ms within one sample, against 90 ms on the main thread alone)
 * does not hold the event loop.
 */
export function startStallProbe(): StallProbe {
  let lastWall = performance.now();
  let lastCpu = mainThreadCpu();
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = mainThreadCpu();
    wallMs = Math.max(wallMs, wall - lastWall);
    cpuMs = Math.max(cpuMs, (cpu - lastCpu) / 1000);
    lastWall = wall;
    lastCpu = mainThreadCpu();
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return { wallMs, cpuMs };
    },
  };
}

/** CPU microseconds the calling (main) thread has used. */
function mainThreadCpu(): number {
  const { user, system } = process.threadCpuUsage();
  return user + system;
}
