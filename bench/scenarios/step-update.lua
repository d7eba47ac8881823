-- Writes with If-Match: move a goal's step between "under way" and "done". Each step's version
-- comes back in the answer's ETag; a step is never sent again before its answer is in, and each
-- thread has its own steps, so no update is stale. BENCH_STEPS: "person/goal/step/version|…".
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local all = common.split(os.getenv("BENCH_STEPS"), "|")
local base = common.headers({ ["Content-Type"] = "application/json", ["X-CSRF-Token"] = os.getenv("BENCH_CSRF") })
local started = 0

function setup(thread)
  thread:set("index", started)
  thread:set("nthreads", tonumber(os.getenv("BENCH_THREADS")))
  started = started + 1
end

function init(args)
  mine, versions, busy, turn, cursor = {}, {}, {}, {}, 0
  for i, entry in ipairs(all) do
    if (i - 1) % nthreads == index then
      local f = common.split(entry, "/")
      mine[#mine + 1] = { path = "/api/v1/people/" .. f[1] .. "/goals/" .. f[2] .. "/steps/" .. f[3], id = f[3] }
      versions[f[3]] = f[4]
    end
  end
end

function request()
  for _ = 1, #mine do
    cursor = cursor % #mine + 1
    local s = mine[cursor]
    if not busy[s.id] then
      busy[s.id] = true
      turn[s.id] = not turn[s.id]
      local h = {}
      for k, v in pairs(base) do h[k] = v end
      h["If-Match"] = '"' .. versions[s.id] .. '"'
      return wrk.format("PATCH", s.path, h, turn[s.id] and '{"status": "done"}' or '{"status": "under_way"}')
    end
  end
  -- Every step is waiting for its answer: read one instead, so the connection stays busy.
  return wrk.format("GET", "/healthz")
end

function response(status, headers, body)
  local id = body and string.match(body, '"id"%s*:%s*"([^"]+)"')
  if id and busy[id] ~= nil then
    local etag = headers["ETag"] or headers["etag"]
    if etag then versions[id] = string.match(etag, '"?(%d+)"?') end
    busy[id] = nil
  end
end

done = common.done
