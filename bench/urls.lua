-- wrk script: cycles through the URL paths listed in the file named by $URLS_FILE.
local paths = {}
for line in io.lines(os.getenv("URLS_FILE")) do
  local path = line:gsub("^https?://[^/]+", "")
  if #path > 0 then paths[#paths + 1] = path end
end
local index = 0
request = function()
  index = index % #paths + 1
  return wrk.format("GET", paths[index])
end
