-- wrk script: permalinks of 100,000 corrections (ids 1000000 to 1099999 in ReadersAtScale's data),
-- each with a query parameter of its own, so every request is a new address and is rendered
-- afresh (a miss of the readers' cache). Prints the percentiles of the table in
-- docs/performance.md.
math.randomseed(43)
request = function()
  return wrk.format("GET", "/corrections/" .. (1000000 + math.random(0, 99999))
    .. "?r=" .. math.random(1, 1e9))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT-LINE p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d requests)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests))
end
