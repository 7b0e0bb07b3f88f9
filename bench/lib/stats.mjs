/** Small statistics for benchmark samples. */

/** The `p`-th percentile (0–100) of `samples`, nearest-rank. */
export function percentile(samples, p) {
  if (samples.length === 0) return Number.NaN
  const sorted = [...samples].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]
}

/** p50, p95, max and count, rounded to 0.01. */
export function summarize(samples) {
  const round = (value) => Math.round(value * 100) / 100
  return {
    n: samples.length,
    p50: round(percentile(samples, 50)),
    p95: round(percentile(samples, 95)),
    max: round(Math.max(...samples)),
  }
}
