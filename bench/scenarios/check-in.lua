-- Writes: a life-area check-in for the next person on the worker's caseload (BENCH_PEOPLE),
-- rating every life area in BENCH_AREAS.
package.path = os.getenv("BENCH_DIR") .. "/?.lua;" .. package.path
local common = require("common")
local people = common.split(os.getenv("BENCH_PEOPLE"), "|")
local areas = common.split(os.getenv("BENCH_AREAS"), "|")
local headers = common.headers({ ["Content-Type"] = "application/json", ["X-CSRF-Token"] = os.getenv("BENCH_CSRF") })
local n = 0

function setup(thread)
  n = n + 1
  thread:set("offset", n * 13)
end

function request()
  offset = (offset or 0) + 1
  local ratings = {}
  for i, id in ipairs(areas) do
    ratings[#ratings + 1] = string.format('{"lifeAreaId": "%s", "personRating": %d}', id, (offset + i) % 10 + 1)
  end
  local body = '{"ratings": [' .. table.concat(ratings, ", ") .. '], "priorities": "Sleep, and getting out more."}'
  return wrk.format("POST", "/api/v1/people/" .. people[(offset % #people) + 1] .. "/check-ins", headers, body)
end

done = common.done
