import { performance } from 'node:perf_hooks';

export interface StallProbe {
  /** Stops sampling; the longest stretches seen, in milliseconds. */
  stop(): { wallMs: number; cpuMs: number };
}

/**
 * Samples the event loop every millisecond until stopped: the longest time
 * between two samples (what a request arriving meanwhile waits), and the
 * most CPU the process used between two samples (the longest synchronous
 * stretch itself, whatever else the machine is doing).
 */
export function startStallProbe(): StallProbe {
  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  let wallMs = 0;
  let cpuMs = 0;
  const timer = setInterval(() => {
    const wall = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    wallMs = Math.max(wallMs, wall - lastWall);
    cpuMs = Math.max(cpuMs, (cpu.user + cpu.system) / 1000);
    lastWall = wall;
    lastCpu = process.cpuUsage();
  }, 1);
  return {
    stop() {
      clearInterval(timer);
      return { wallMs, cpuMs };
    },
  };
}
