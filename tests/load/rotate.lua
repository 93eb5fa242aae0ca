-- wrk: each request takes the next path of the file PATHS_FILE names, round robin.
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  paths[#paths + 1] = line
end
local next_path = 0

request = function()
  next_path = next_path % #paths + 1
  return wrk.format(nil, paths[next_path])
end
