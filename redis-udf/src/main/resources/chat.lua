#!lua name=chat
--
-- The chat library: dialogs and their messages over the brief's key layout
--   dialog:<user_id>:<friend_id>        string, {"id","name","owner_id"} JSON
--   messages:<dialog_id>                zset, member {"id","author_id","chat_id","message","ts"} JSON,
--                                       score = creation time in epoch ms
--   {messages:<dialog_id>}:requests     hash, "<author_id>:<client_id>" -> message id (client retries)
--   {messages:<dialog_id>}:claims       hash, "<author_id>:<client_id>" -> "<message id> <digest>" (ids fixed
--                                       by a gateway before the send goes on; gateways share them)
-- Every key a function touches arrives in KEYS, and no function needs two hash slots unless the caller
-- chose to pass two dialog keys (standalone Redis only). Signatures and examples: redis-udf/README.md.

local VERSION = '1.2.0'

-- how long a client id is remembered after the last write to its dialog (ms), and how many are kept
local REQUESTS_TTL_MS = 86400000
local REQUESTS_MAX = 10000
local MAX_LIMIT = 1000
local MAX_CLIENT_ID = 200
-- claims held at most per dialog (a full hash starts over, as the requests hash does), the longest digest
local CLAIMS_MAX = 10000
local MAX_DIGEST = 64
-- same-millisecond runs up to this long are read whole, longer ones binary-searched (every member read
-- costs its conversion into a Lua string, so a probe per step beats reading a long run)
local RUN_SCAN = 4
-- A redis.call's reply reaches Lua straight from the calling client's 16 KB reply buffer when it fits;
-- a longer one is first gathered into a new string, and such a call was measured at up to ~6x the cost
-- of one just under the limit (redis-server 7.0.15). Pages are therefore read in rank slices whose
-- replies stay under SLICE_BYTES: the buffer less room for the *<count> header. Each member costs its
-- length plus MEMBER_FRAMING ($<length>\r\n before, \r\n after, lengths of up to 7 digits).
-- The other calls answer a count, an id or a dialog's JSON (its name is at most 200 characters at the
-- gateway), far below the limit, except the same-millisecond reads (see position_in_run).
local SLICE_BYTES = 16000
local MEMBER_FRAMING = 12
-- the first slice, read before any member's size is known: 32 members fit while they average up to
-- ~480 bytes (a typical member, a text of a sentence or two, is ~250); one reply over 16 KB costs more
-- than the extra call this takes for a page of 50
local FIRST_SLICE = 32

-- lower-case canonical UUIDs only: ids are compared byte-wise and the ZSET orders ties by member bytes
local H = '[0-9a-f]'
local UUID = H:rep(8) .. '%-' .. H:rep(4) .. '%-' .. H:rep(4) .. '%-' .. H:rep(4) .. '%-' .. H:rep(12)
local UUID_ONLY = '^' .. UUID .. '$'
local DIALOG_KEY = '^dialog:(' .. UUID .. '):(' .. UUID .. ')$'
local MESSAGES_KEY = '^messages:(' .. UUID .. ')$'
local CLAIMS_KEY = '^{messages:' .. UUID .. '}:claims$'
local CLIENT_KEY = '^' .. UUID .. ':'
-- a member starts with {"id":"<36 chars>", so the id sits at these bytes of every member
local ID_FROM, ID_TO = 8, 43

-- Validation failures travel as {bad = text} and become one error reply in guarded(), with their own code
-- BADARG: the caller's mistake, never worth retrying; callers match the code, not the text. Any other
-- failure inside the library answers ERR, and an error of redis.call keeps its own code (WRONGTYPE, OOM, ...).
local function bad(text)
  error({ bad = text }, 0)
end

local function guarded(name, usage, fn)
  return function(keys, args)
    local ok, result = pcall(fn, keys, args)
    if ok then
      return result
    end
    if type(result) == 'table' and result.bad then
      return redis.error_reply('BADARG chat.' .. name .. ': ' .. result.bad .. ' (usage: ' .. usage .. ')')
    end
    local text = type(result) == 'table' and (result.err or '?') or tostring(result)
    if text:match('^%u+ ') then
      return redis.error_reply(text) -- a redis.call error (e.g. WRONGTYPE) keeps its own code
    end
    return redis.error_reply('ERR chat.' .. name .. ': ' .. text)
  end
end

local function expect_counts(keys, args, min_keys, max_keys, min_args, max_args)
  if #keys < min_keys or #keys > max_keys or #args < min_args or #args > max_args then
    bad('wrong number of keys or arguments: got ' .. #keys .. ' key(s), ' .. #args .. ' argument(s)')
  end
end

local function uuid(value, what)
  if type(value) ~= 'string' or not value:match(UUID_ONLY) then
    bad(what .. ' must be a lower-case UUID, was "' .. tostring(value) .. '"')
  end
  return value
end

-- Epoch ms as plain digits (no leading zero: it goes into JSON as is), at most 15 of them so the
-- score (a double) holds it exactly.
local function millis(value, what)
  if type(value) ~= 'string' or not (value == '0' or value:match('^[1-9]%d*$')) or #value > 15 then
    bad(what .. ' must be epoch milliseconds (digits), was "' .. tostring(value) .. '"')
  end
  return value
end

-- Byte order, as Redis orders members with equal scores; Lua's '<' would use the locale (strcoll).
local function id_less(a, b)
  if a == b then
    return false
  end
  for i = 1, #a do
    local x, y = a:byte(i), b:byte(i)
    if x ~= y then
      return x < y
    end
  end
  return false
end

local function member_id(member)
  return member:sub(ID_FROM, ID_TO)
end

-- ---------------------------------------------------------------- dialogs

local function dialog_users(key)
  local user, friend = key:match(DIALOG_KEY)
  if not user then
    bad('key must be dialog:<user_id>:<friend_id> with lower-case UUIDs, was "' .. key .. '"')
  end
  return user, friend
end

local function check_dialog_keys(key, reverse_key)
  local user, friend = dialog_users(key)
  if reverse_key and reverse_key ~= 'dialog:' .. friend .. ':' .. user then
    bad('second key must be the reverse order dialog:' .. friend .. ':' .. user .. ', was "' .. reverse_key .. '"')
  end
end

local function first_existing(key, reverse_key)
  local found = redis.call('GET', key)
  if not found and reverse_key then
    found = redis.call('GET', reverse_key)
  end
  return found
end

local function make_dialog(keys, args)
  expect_counts(keys, args, 1, 2, 3, 3)
  local key, reverse_key = keys[1], keys[2]
  local dialog_id, name, owner_id = args[1], args[2], args[3]
  check_dialog_keys(key, reverse_key)
  uuid(dialog_id, 'dialog_id')
  if owner_id ~= '' then
    uuid(owner_id, 'owner_id')
  end
  local existing = first_existing(key, reverse_key)
  if existing then
    return { 0, existing }
  end
  local owner_json = owner_id == '' and 'null' or cjson.encode(owner_id)
  local dialog = '{"id":' .. cjson.encode(dialog_id) .. ',"name":' .. cjson.encode(name)
      .. ',"owner_id":' .. owner_json .. '}'
  redis.call('SET', key, dialog)
  return { 1, dialog }
end

local function get_dialog(keys, args)
  expect_counts(keys, args, 1, 2, 0, 0)
  local key, reverse_key = keys[1], keys[2]
  check_dialog_keys(key, reverse_key)
  return first_existing(key, reverse_key)
end

-- ---------------------------------------------------------------- messages

local function messages_key(key, what)
  local dialog_id = key:match(MESSAGES_KEY)
  if not dialog_id then
    bad(what .. ' must be messages:<dialog_id> with a lower-case UUID, was "' .. key .. '"')
  end
  return dialog_id
end

-- The members at exactly `score` (one millisecond) are ordered by id. Returns how many of them have an
-- id below `id`, and whether one has `id`. A short run is read whole; a long one (a burst, an import) is
-- binary-searched by rank, so no call is linear in the number of messages of one millisecond.
-- Reply sizes (see SLICE_BYTES): the whole-run read is at most RUN_SCAN + 1 members and usually 0 or 1
-- (a write at a fresh millisecond, a cursor on its own message), so it crosses 16 KB only when members
-- of one millisecond average over ~3 KB; a probe reads one member, over 16 KB only if that member is.
-- Both are rare enough that slicing them, or a ZCOUNT before every read of a run, would cost more.
local function position_in_run(key, score, id)
  local run = redis.call('ZRANGE', key, score, score, 'BYSCORE', 'LIMIT', 0, RUN_SCAN + 1)
  if #run <= RUN_SCAN then
    for i = 1, #run do
      local other = member_id(run[i])
      if not id_less(other, id) then
        return i - 1, other == id
      end
    end
    return #run, false
  end
  local first = redis.call('ZCOUNT', key, '-inf', '(' .. score)
  local count = redis.call('ZCOUNT', key, score, score)
  local lo, hi = 0, count
  while lo < hi do
    local mid = math.floor((lo + hi) / 2)
    if id_less(member_id(redis.call('ZRANGE', key, first + mid, first + mid)[1]), id) then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return lo, lo < count and member_id(redis.call('ZRANGE', key, first + lo, first + lo)[1]) == id
end

local function check_request(key, requests_key, author_id, client_key)
  if (requests_key == nil) ~= (client_key == nil) then
    bad('the requests key and the client key come together or not at all')
  end
  if requests_key and requests_key ~= '{' .. key .. '}:requests' then
    bad('second key must be {' .. key .. '}:requests, was "' .. requests_key .. '"')
  end
  if client_key then
    local prefix = author_id .. ':'
    if client_key:sub(1, #prefix) ~= prefix or #client_key == #prefix or #client_key > #prefix + MAX_CLIENT_ID then
      bad('client key must be <author_id>:<client_id> (client id 1..' .. MAX_CLIENT_ID .. ' bytes)')
    end
  end
end

local function remember_request(requests_key, client_key, id)
  if redis.call('HLEN', requests_key) >= REQUESTS_MAX then
    -- bounded memory in a busy dialog: start over, older retries are long settled
    redis.call('DEL', requests_key)
  end
  redis.call('HSET', requests_key, client_key, id)
  redis.call('PEXPIRE', requests_key, REQUESTS_TTL_MS)
end

local function write_message(keys, args)
  expect_counts(keys, args, 1, 2, 5, 6)
  local key, requests_key = keys[1], keys[2]
  local id, author_id, chat_id, message, ts, client_key = args[1], args[2], args[3], args[4], args[5], args[6]
  uuid(id, 'id')
  uuid(author_id, 'author_id')
  uuid(chat_id, 'chat_id')
  millis(ts, 'ts')
  if messages_key(key, 'first key') ~= chat_id then
    bad('first key must be messages:' .. chat_id .. ', was "' .. key .. '"')
  end
  check_request(key, requests_key, author_id, client_key)
  if client_key then
    local earlier = redis.call('HGET', requests_key, client_key)
    if earlier then
      return { 0, earlier }
    end
  end
  local _, stored = position_in_run(key, ts, id)
  if stored then
    return { 0, id }
  end
  -- fixed field order with "id" first: equal scores then sort by id, i.e. in sending order. The ids and
  -- ts are validated above (hex, dashes, digits), so only the text needs JSON encoding.
  local member = '{"id":"' .. id .. '","author_id":"' .. author_id .. '","chat_id":"' .. chat_id
      .. '","message":' .. cjson.encode(message) .. ',"ts":' .. ts .. '}'
  redis.call('ZADD', key, ts, member)
  if client_key then
    remember_request(requests_key, client_key, id)
  end
  return { 1, id }
end

local function zrange(key, from, to, rev)
  if rev then
    return redis.call('ZRANGE', key, from, to, 'REV')
  end
  return redis.call('ZRANGE', key, from, to)
end

-- the byte length of the widest of members[from..], or so_far if none is wider
local function widest(members, from, so_far)
  for i = from, #members do
    local length = #members[i]
    if length > so_far then
      so_far = length
    end
  end
  return so_far
end

-- Up to `count` members from rank `start` (by REV rank when `rev`), read in slices whose replies stay
-- under SLICE_BYTES as long as no member is wider than the widest one read before it: FIRST_SLICE
-- members, then as many as fit at the width of the widest so far (one member per slice when members
-- are huge). The widest so far, not the last slice's: one more call is cheap next to one reply over
-- 16 KB. A member over 16 KB on its own cannot avoid that cost; it is read alone. The first slice is
-- the result table itself, so a page that fits in it costs what one ZRANGE did.
local function range_sliced(key, start, count, rev)
  local asked = math.min(count, FIRST_SLICE)
  local rows = zrange(key, start, start + asked - 1, rev)
  local width, measured = 0, 0
  while #rows == asked and asked < count do -- every slice came back full, and more are wanted
    width = widest(rows, measured + 1, width)
    measured = asked
    local size = math.min(count - asked, math.max(1, math.floor(SLICE_BYTES / (width + MEMBER_FRAMING))))
    local slice = zrange(key, start + asked, start + asked + size - 1, rev)
    for i = 1, #slice do
      rows[asked + i] = slice[i]
    end
    asked = asked + size
  end
  return rows
end

-- Pages go by rank: the cursor's place is the rank of its millisecond's first member plus its place
-- among that millisecond's members, so the page starts strictly next to it and costs O(log n + limit).
-- It reads limit + 1 members: the extra one tells whether more follow.
local function page(key, older, limit, cursor_ts, cursor_id)
  local fetch = limit + 1
  if not cursor_ts then
    return range_sliced(key, 0, fetch, older)
  end
  local below, on_cursor = position_in_run(key, cursor_ts, cursor_id)
  local rank = redis.call('ZCOUNT', key, '-inf', '(' .. cursor_ts) + below
  if older then
    if rank == 0 then
      return {}
    end
    local from_top = redis.call('ZCARD', key) - rank -- REV rank of the newest message before the cursor
    return range_sliced(key, from_top, fetch, true)
  end
  if on_cursor then
    rank = rank + 1
  end
  return range_sliced(key, rank, fetch, false)
end

local function show_messages(keys, args)
  expect_counts(keys, args, 1, 1, 2, 4)
  if #args == 3 then
    bad('a cursor is two arguments, cursor_ts and cursor_id; got only one')
  end
  local key = keys[1]
  local direction, limit_arg, cursor_ts, cursor_id = args[1], args[2], args[3], args[4]
  messages_key(key, 'key')
  if direction ~= 'older' and direction ~= 'newer' then
    bad('direction must be older or newer, was "' .. direction .. '"')
  end
  if not limit_arg:match('^%d+$') or tonumber(limit_arg) < 1 then
    bad('limit must be a positive integer, was "' .. limit_arg .. '"')
  end
  local limit = math.min(tonumber(limit_arg), MAX_LIMIT)
  if cursor_ts then
    millis(cursor_ts, 'cursor ts')
    uuid(cursor_id, 'cursor id')
  end
  local rows = page(key, direction == 'older', limit, cursor_ts, cursor_id)
  -- the flag goes last, in place of the extra row read to find it
  if #rows > limit then
    rows[limit + 1] = 1
  else
    rows[#rows + 1] = 0
  end
  return rows
end

local function chat_version(keys, args)
  expect_counts(keys, args, 0, 0, 0, 0)
  return VERSION
end

-- ---------------------------------------------------------------- client id claims

-- The first claim of a client key holds until the hash expires (ttl after the dialog's last claim) or starts
-- over; later claims get it back. One key, so atomic on a cluster too.
local function claim_client_id(keys, args)
  expect_counts(keys, args, 1, 1, 4, 4)
  local key = keys[1]
  local client_key, id, digest, ttl = args[1], args[2], args[3], args[4]
  if not key:match(CLAIMS_KEY) then
    bad('key must be {messages:<dialog_id>}:claims, was "' .. key .. '"')
  end
  if not client_key:match(CLIENT_KEY) or #client_key == 37 or #client_key > 37 + MAX_CLIENT_ID then
    bad('client key must be <author_id>:<client_id> (client id 1..' .. MAX_CLIENT_ID .. ' bytes)')
  end
  uuid(id, 'message id')
  if #digest == 0 or #digest > MAX_DIGEST or digest:match('[^%w]') then
    bad('digest must be 1..' .. MAX_DIGEST .. ' letters or digits, was "' .. digest .. '"')
  end
  millis(ttl, 'ttl')
  if ttl == '0' then
    bad('ttl must be at least 1 ms')
  end
  local earlier = redis.call('HGET', key, client_key)
  if earlier then
    return { earlier:sub(1, 36), earlier:sub(38) }
  end
  if redis.call('HLEN', key) >= CLAIMS_MAX then
    redis.call('DEL', key)
  end
  redis.call('HSET', key, client_key, id .. ' ' .. digest)
  redis.call('PEXPIRE', key, ttl)
  return { id, digest }
end

-- ---------------------------------------------------------------- registration

redis.register_function {
  function_name = 'make_dialog',
  callback = guarded('make_dialog', 'KEYS dialog:<user>:<friend> [dialog:<friend>:<user>] ARGV dialog_id name owner_id|""',
      make_dialog),
}
redis.register_function {
  function_name = 'get_dialog',
  callback = guarded('get_dialog', 'KEYS dialog:<user>:<friend> [dialog:<friend>:<user>]', get_dialog),
  flags = { 'no-writes' },
}
redis.register_function {
  function_name = 'write_message',
  callback = guarded('write_message', 'KEYS messages:<dialog_id> [{messages:<dialog_id>}:requests] '
      .. 'ARGV id author_id chat_id message ts [<author_id>:<client_id>]', write_message),
}
redis.register_function {
  function_name = 'show_messages',
  callback = guarded('show_messages', 'KEYS messages:<dialog_id> ARGV older|newer limit [cursor_ts cursor_id]',
      show_messages),
  flags = { 'no-writes' },
}
redis.register_function {
  function_name = 'claim_client_id',
  callback = guarded('claim_client_id', 'KEYS {messages:<dialog_id>}:claims '
      .. 'ARGV <author_id>:<client_id> message_id digest ttl_ms', claim_client_id),
}
redis.register_function {
  function_name = 'chat_version',
  callback = guarded('chat_version', 'no KEYS, no ARGV', chat_version),
  flags = { 'no-writes' },
}
