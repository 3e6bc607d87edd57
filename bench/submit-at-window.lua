-- bench/casework.sh: a clerk files MR-002 (individual business) at the window, each request for
-- a different person, so that the instant-approval table approves it. Arguments (after --):
--   1: a number that makes this run's people and idempotency keys unique (e.g. 1000000 per run)
-- The Authorization header (clerk.xihu) comes from -H. Each wrk thread counts answers that were
-- not 201 + APPROVED and prints them at the end.

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("tid", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

local WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
local CHECK = "10X98765432"
local DAYS = 18627          -- 1950-01-01 .. 2000-12-31
local EPOCH_1950 = -7305    -- days from 1970-01-01 to 1950-01-01

-- days since 1970-01-01 to a civil date (Howard Hinnant's algorithm)
local function civil(z)
  z = z + 719468
  local era = math.floor(z / 146097)
  local doe = z - era * 146097
  local yoe = math.floor((doe - math.floor(doe / 1460) + math.floor(doe / 36524) - math.floor(doe / 146096)) / 365)
  local y = yoe + era * 400
  local doy = doe - (365 * yoe + math.floor(yoe / 4) - math.floor(yoe / 100))
  local mp = math.floor((5 * doy + 2) / 153)
  local d = doy - math.floor((153 * mp + 2) / 5) + 1
  local m = mp < 10 and mp + 3 or mp - 9
  if m <= 2 then y = y + 1 end
  return y, m, d
end

-- a valid GB 11643 number for person n: region 330106, birth date and sequence 500-999 from n
-- (the demo citizens have sequences below 500, so nobody generated here already holds MR-002)
local function id_number(n)
  local y, m, d = civil(EPOCH_1950 + n % DAYS)
  local seq = 500 + math.floor(n / DAYS) % 500
  local first17 = string.format("330106%04d%02d%02d%03d", y, m, d, seq)
  local sum = 0
  for i = 1, 17 do
    sum = sum + (string.byte(first17, i) - 48) * WEIGHTS[i]
  end
  local k = sum % 11 + 1
  return first17 .. string.sub(CHECK, k, k)
end

local headers = {}
local offset = 0
local count = 0
local stride = 2
not_approved = 0     -- globals: done() reads them from each thread
first_failure = nil

function init(args)
  offset = tonumber(args[1] or "0")
  stride = tonumber(args[2] or "2")
  for k, v in pairs(wrk.headers) do headers[k] = v end
  headers["Content-Type"] = "application/json"
end

function request()
  local n = offset + count * stride + tid
  count = count + 1
  headers["Idempotency-Key"] = string.format("bench-key-%d", n)
  local body = string.format(
    '{"itemCode":"MR-002","regionCode":"330106","applicant":{"idNumber":"%s","name":"压测%d","phone":"13800138000"},'
      .. '"form":{"shopName":"面馆%d","businessScope":"面食","employees":3,"organizationForm":"INDIVIDUAL"}}',
    id_number(n), n, n)
  return wrk.format("POST", "/api/v1/casework/applications/at-window", headers, body)
end

function response(status, hdrs, body)
  if status ~= 201 or not string.find(body, '"state":"APPROVED"', 1, true) then
    not_approved = not_approved + 1
    if first_failure == nil then
      first_failure = status .. " " .. string.sub(body, 1, 400)
    end
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + (thread:get("not_approved") or 0)
    local failure = thread:get("first_failure")
    if failure then io.write("first answer not approved: " .. failure .. "\n") end
  end
  io.write(string.format("answers not 201 APPROVED: %d\n", total))
end
