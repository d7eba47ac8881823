-- Reads: each request takes the next path from BENCH_PATHS (separated by "|").
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local paths = common.split(os.getenv("BENCH_PATHS"), "|")
local headers = common.headers()
local n = 0

function setup(thread)
  -- Threads start at different places in the list, so they do not read in lockstep.
  n = n + 7
  thread:set("offset", n)
end

function request()
  offset = (offset or 0) + 1
  return wrk.format("GET", paths[(offset % #paths) + 1], headers)
end

done = common.done
