// Interleaved timing: every contender on every case, round-robin in one process, so that a burst
// of noise (a GC, another process, frequency scaling) falls on all of them alike rather than on
// whichever happened to run then.

/**
 * @typedef {{ name: string, run: (c: any) => unknown, async?: boolean }} Contender
 * @typedef {{ name: string, batch: number, perCase: number[] }} Timing per-case medians in µs
 */

/** @param {number[]} xs */
export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Mean µs per call over `batch` calls of one contender on one case. An async contender is awaited
 * call by call, as its users would, so its time includes getting the answer back.
 * @param {Contender} k
 * @param {any} c
 * @param {number} batch
 */
async function batchMicros(k, c, batch) {
  if (k.async) {
    const start = performance.now();
    for (let b = 0; b < batch; b++) await k.run(c);
    return ((performance.now() - start) * 1000) / batch;
  }
  const start = performance.now();
  for (let b = 0; b < batch; b++) k.run(c);
  return ((performance.now() - start) * 1000) / batch;
}

/**
 * Times every contender on every case.
 * @param {Contender[]} contenders
 * @param {any[]} cases
 * @param {{ rounds: number, targetMicros: number }} o each timed batch lasts about
 *   `targetMicros`, so fast contenders are not measured at the timer's resolution
 * @returns {Promise<Timing[]>}
 */
export async function timeInterleaved(contenders, cases, { rounds, targetMicros }) {
  // Warm up (JIT tiers, caches), then calibrate the batch from a second full pass.
  const batches = [];
  for (const k of contenders) {
    let mean = 0;
    for (let pass = 0; pass < 2; pass++) {
      let total = 0;
      for (const c of cases) total += await batchMicros(k, c, 1);
      mean = total / cases.length;
    }
    batches.push(Math.max(1, Math.round(targetMicros / mean)));
  }
  const samples = contenders.map(() => cases.map(() => []));
  const n = contenders.length;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < cases.length; i++) {
      // Each case starts with a different contender, so none is always first after a switch.
      for (let j = 0; j < n; j++) {
        const which = (i + j + round) % n;
        samples[which][i].push(await batchMicros(contenders[which], cases[i], batches[which]));
      }
    }
  }
  return contenders.map((k, j) => ({ name: k.name, batch: batches[j], perCase: samples[j].map(median) }));
}
