-- wrk script: GETs the paths listed in a file in turn, counts the answers by kind, and prints one JSON
-- line with the counts and latency percentiles when done.
--
--   wrk -s bench/lib/rotate.lua URL -- PATHS_FILE CLASS [signed-in]
--
-- Counted as errors: any 4xx or 5xx (a 429 is counted apart, and is an error too: the run raises the
-- limits), and for a signed-in class a redirect to the sign-in page (the session was lost). Socket
-- errors and timeouts come from wrk's own summary. Send the session with -H "Cookie: …".

local threads = {}
local counter = 1

function setup(thread)
  thread:set("id", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for line in io.lines(args[1]) do
    if line ~= "" then table.insert(paths, line) end
  end
  if #paths == 0 then error("no paths in " .. args[1]) end
  class = args[2]
  signed_in = args[3] == "signed-in"
  -- Threads start at different places in the list.
  index = (id * 7) % #paths
  ok, redirects, too_many, client_errors, server_errors, lost_session = 0, 0, 0, 0, 0, 0
  statuses = ""
end

function request()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  if status < 300 then
    ok = ok + 1
  elseif status < 400 then
    local location = headers["Location"] or headers["location"] or ""
    if signed_in and string.find(location, "/account/login", 1, true) then
      lost_session = lost_session + 1
    else
      redirects = redirects + 1
    end
  elseif status == 429 then
    too_many = too_many + 1
  elseif status < 500 then
    client_errors = client_errors + 1
  else
    server_errors = server_errors + 1
  end
  -- The distinct failing statuses, for the report.
  if status >= 400 and not string.find(statuses, status .. " ", 1, true) then
    statuses = statuses .. status .. " "
  end
end

function done(summary, latency, requests)
  local totals = { ok = 0, redirects = 0, too_many = 0, client_errors = 0, server_errors = 0, lost_session = 0 }
  local seen, class = "", threads[1]:get("class")
  for _, thread in ipairs(threads) do
    for name, _ in pairs(totals) do
      totals[name] = totals[name] + thread:get(name)
    end
    seen = seen .. thread:get("statuses")
  end
  local e = summary.errors
  local socket = e.connect + e.read + e.write
  local out = string.format(
    '{"class":"%s","requests":%d,"seconds":%.1f,"ok":%d,"redirects":%d,"too_many":%d,"client_errors":%d,' ..
    '"server_errors":%d,"lost_session":%d,"socket_errors":%d,"timeouts":%d,"error_statuses":"%s",' ..
    '"p50":%.1f,"p90":%.1f,"p99":%.1f,"max":%.1f,"mean":%.1f}',
    class, summary.requests, summary.duration / 1e6, totals.ok, totals.redirects, totals.too_many,
    totals.client_errors, totals.server_errors, totals.lost_session, socket, e.timeout, seen,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000)
  io.stderr:write(out .. "\n")
end
