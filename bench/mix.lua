-- wrk script: cycles through bench/queries.txt against one path.
-- usage: wrk -t2 -c16 -d20s -s bench/mix.lua http://127.0.0.1:8099 -- /api/v1/organisations bench/queries.txt
local queries = {}
local path = "/api/v1/organisations"
local counter = 0

function init(args)
  path = args[1] or path
  local file = args[2] or "bench/queries.txt"
  for line in io.lines(file) do
    if line ~= "" and line:sub(1, 1) ~= "#" then
      table.insert(queries, line)
    end
  end
  -- each thread starts at a different place of the mix
  counter = math.random(#queries)
end

function request()
  counter = counter + 1
  local q = queries[(counter % #queries) + 1]
  return wrk.format("GET", path .. "?" .. q)
end
-- non-2xx/3xx answers are counted by wrk itself ("Non-2xx or 3xx responses")
