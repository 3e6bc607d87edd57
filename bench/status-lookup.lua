-- bench/casework.sh: a citizen looks up one of their applications, chosen at random among the
-- bulk-inserted ones: OW20260101-0000001 .. OW20260101-1000000, odd numbers lisi's, even zhangsan's.
-- Arguments (after --): 1: how many applications there are; 2 (optional): milliseconds each
-- connection waits between requests (none: as fast as answers come).

local ZHANGSAN = "Basic " .. "emhhbmdzYW46ZGVtbzEyMzQ="   -- zhangsan:demo1234
local LISI = "Basic " .. "bGlzaTpkZW1vMTIzNA=="           -- lisi:demo1234
local total = 1000000
local pause = 0
local headers = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
end

function init(args)
  total = tonumber(args[1] or "1000000")
  pause = tonumber(args[2] or "0")
  math.randomseed(os.time() * 16 + tid)
  for k, v in pairs(wrk.headers) do headers[k] = v end
end

function request()
  local n = math.random(1, total)
  headers["Authorization"] = (n % 2 == 0) and ZHANGSAN or LISI
  return wrk.format("GET", string.format("/api/v1/casework/applications/OW20260101-%07d", n), headers)
end

function delay()
  return pause
end
