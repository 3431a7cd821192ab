-- wrk script: cycles through pre-signed distinct Douyin pushes (make-douyin-pushes.py), each request a new msg_id.
local requests = {}
local index = 0
local path = os.getenv("WRK_PUSHES") or "pushes.tsv"
local app_key = os.getenv("WRK_APP_KEY") or ""

function init(args)
    local file = assert(io.open(path, "r"))
    local n = 0
    for line in file:lines() do
        local tab = string.find(line, "\t", 1, true)
        n = n + 1
        requests[n] = { sign = string.sub(line, 1, tab - 1), body = string.sub(line, tab + 1) }
    end
    file:close()
    -- Threads start at different offsets so that their requests are distinct.
    index = (wrk.thread:get("id") or 0) * math.floor(n / 4)
end

function setup(thread)
    local id = (setup_count or 0)
    thread:set("id", id)
    setup_count = id + 1
end

function request()
    index = index + 1
    local r = requests[(index % #requests) + 1]
    return wrk.format("POST", wrk.path, {
        ["Content-Type"] = "application/json",
        ["app-id"] = app_key,
        ["event-sign"] = r.sign,
    }, r.body)
end

acked = 0
function response(status, headers, body)
    if status ~= 200 then
        errors_seen = (errors_seen or 0) + 1
    end
end
