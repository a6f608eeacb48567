-- wrk script for measure.sh --scale: readers' pages of ReadersAtScale's 100,000 corrections, each
-- request a new address, so every one is rendered afresh (a miss of the readers' cache):
--   wrk -s cold.lua <base> -- lookup     article i of 50,000 at
--                                        https://www.site{i % 2000}.example/story-{i / 2000},
--                                        with a tracking parameter of its own
--   wrk -s cold.lua <base> -- permalink  ids 1000000 to 1099999, with a query of its own
-- Prints the percentiles of the table in docs/performance.md.
local kind = "lookup"
init = function(args)
  kind = args[1] or kind
  math.randomseed(kind == "lookup" and 42 or 43)
end
request = function()
  if kind == "permalink" then
    return wrk.format("GET", "/corrections/" .. (1000000 + math.random(0, 99999))
      .. "?r=" .. math.random(1, 1e9))
  end
  local a = math.random(0, 49999)
  return wrk.format("GET", "/articles?url=https%3A%2F%2Fwww.site" .. (a % 2000)
    .. ".example%2Fstory-" .. math.floor(a / 2000) .. "%3Futm_source%3D" .. math.random(1, 1e9))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT-LINE p50 %.2f ms, p95 %.2f ms, p99 %.2f ms (%d requests)\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests))
end
