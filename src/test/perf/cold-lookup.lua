-- wrk script: article lookups at 100,000 corrections (ReadersAtScale's data: 50,000 articles,
-- article i at https://www.site{i % 2000}.example/story-{i / 2000}), each with a tracking
-- parameter of its own, so every request is a new address and is rendered afresh (a miss of the
-- readers' cache). Prints the percentiles of the table in docs/performance.md.
math.randomseed(42)
request = function()
  local a = math.random(0, 49999)
  return wrk.format("GET", "/articles?url=https%3A%2F%2Fwww.site" .. (a % 2000)
    .. ".example%2Fstory-" .. math.floor(a / 2000) .. "%3Futm_source%3D" .. math.random(1, 1e9))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT-LINE p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d requests)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests))
end
