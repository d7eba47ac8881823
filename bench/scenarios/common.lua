-- Shared by every scenario: the session from the environment, and a JSON summary at the end
-- that bench/run.mjs reads (one line, prefixed, so wrk's own report can stay beside it).
local M = {}

function M.split(s, sep)
  local out = {}
  for part in string.gmatch(s or "", "([^" .. sep .. "]+)") do out[#out + 1] = part end
  return out
end

function M.headers(extra)
  local h = { ["Cookie"] = os.getenv("BENCH_COOKIE"), ["Accept"] = "application/json" }
  for k, v in pairs(extra or {}) do h[k] = v end
  return h
end

function M.done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d, "non_2xx": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout + e.status, e.status))
end

return M
