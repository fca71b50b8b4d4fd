#!lua name=chat
--
-- The chat library: dialogs and their messages over the brief's key layout
--   dialog:<user_id>:<friend_id>        string, {"id","name","owner_id"} JSON
--   messages:<dialog_id>                zset, member {"id","author_id","chat_id","message","ts"} JSON,
--                                       score = creation time in epoch ms
--   {messages:<dialog_id>}:requests     hash, "<author_id>:<client_id>" -> message id (client retries)
--   {messages:<dialog_id>}:claims       hash, "<author_id>:<client_id>" -> "<message id> <digest>" (ids fixed
--                                       by a gateway before the send goes on; gateways share them)
--   inbox:<user_id>, {inbox:<user_id>}:dialogs, {inbox:<user_id>}:unread   the user's inbox (see "inbox" below)
-- Every key a function touches arrives in KEYS, and no function needs two hash slots unless the caller
-- chose to pass two dialog keys, or calls write_inbox_message (both standalone Redis only). Signatures and
-- examples: redis-udf/README.md.

local VERSION = '1.4.0'

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

-- fixed field order with "id" first: equal scores then sort by id, i.e. in sending order. The ids and
-- ts are validated by the callers (hex, dashes, digits), so only the text needs JSON encoding.
local function message_member(id, author_id, chat_id, message, ts)
  return '{"id":"' .. id .. '","author_id":"' .. author_id .. '","chat_id":"' .. chat_id
      .. '","message":' .. cjson.encode(message) .. ',"ts":' .. ts .. '}'
end

-- write_message's work, also write_inbox_message's first step
local function store_message(keys, args)
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
  local member = message_member(id, author_id, chat_id, message, ts)
  redis.call('ZADD', key, ts, member)
  if client_key then
    remember_request(requests_key, client_key, id)
  end
  return { 1, id }
end

local function write_message(keys, args)
  return store_message(keys, args)
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

-- ---------------------------------------------------------------- inbox (issue #14)
--
-- Per user, three keys in the slot of inbox:<user_id> (the other two carry it as their hash tag):
--   inbox:<user_id>            zset, member dialog_id, score = last activity in epoch ms: the newest message's ts,
--                              or when the dialog entered the inbox. Messages raise it (ZADD GT), entering sets it
--                              only once (ZADD NX), so no replay lowers it or moves it for an old message.
--   {inbox:<user_id>}:dialogs  hash, per dialog: <dialog_id> -> "<friend_id> <name>"; <dialog_id>:read and
--                              <dialog_id>:friend_read -> the user's and the friend's read markers, as positions.
--                              (Library 1.3.0 also kept <dialog_id>:last and :last_at, a copy of the newest message;
--                              1.4.0 neither writes nor reads them: the caller reads the dialog's newest message.)
--   {inbox:<user_id>}:unread   zset, every score 0, member "<dialog_id>:<position>": the friend's messages, less those
--                              up to the user's marker at its last move. A dialog's unread count is the ZLEXCOUNT of
--                              its prefix after the marker. It holds ~90 bytes per unread message, without a cap: a
--                              user who never reads keeps growing it.
-- A position is "<ts zero-padded to 15 digits>:<message id>": byte order is the dialog's (ts, id) order.
-- Every step is a maximum, a set addition, or a removal of the entries up to a marker that only moves forward, and
-- the count only looks after the marker, so the steps commute: replays, in any order, converge on one inbox. On a cluster a message write is three calls in three slots (write_message on
-- messages:<dialog_id>, inbox_message on each user's inbox), each atomic on its own, none with the others; on one
-- Redis write_inbox_message does all three in one atomic call.

local INBOX_KEY = '^inbox:(' .. UUID .. ')$'
local POSITION_DIGITS = 15

local function inbox_keys(keys, from, count)
  local inbox = keys[from]
  local user = type(inbox) == 'string' and inbox:match(INBOX_KEY)
  if not user then
    bad('key ' .. from .. ' must be inbox:<user_id> with a lower-case UUID, was "' .. tostring(inbox) .. '"')
  end
  local suffixes = { ':dialogs', ':unread' }
  for i = 2, count do
    local expected = '{' .. inbox .. '}' .. suffixes[i - 1]
    if keys[from + i - 1] ~= expected then
      bad('key ' .. (from + i - 1) .. ' must be ' .. expected .. ', was "' .. tostring(keys[from + i - 1]) .. '"')
    end
  end
  return user, inbox, keys[from + 1], keys[from + 2]
end

-- the padding of a position's ts, made once: a string method call per write (('0'):rep) was measured at ~5 us,
-- a quarter of write_message's own cost
local ZEROS = {}
for k = 0, POSITION_DIGITS do
  ZEROS[k] = ('0'):rep(k)
end

local function position(ts, id)
  return ZEROS[POSITION_DIGITS - #ts] .. ts .. ':' .. id
end

-- Sets the hash field to `pos` if it holds none or an earlier one; returns 1 and pos, or 0 and what holds.
local function forward(dialogs_key, field, pos)
  local current = redis.call('HGET', dialogs_key, field)
  if current and not id_less(current, pos) then
    return 0, current
  end
  redis.call('HSET', dialogs_key, field, pos)
  return 1, pos
end

-- One message in one user's inbox (the caller checked the ids): the activity, and for the friend's message an
-- unread entry (a set member: a replay adds nothing). The entry goes in whatever the user's marker: counting starts
-- after the marker (show_inbox) and inbox_read drops the entries up to it, so a late write of a message the user
-- has read costs one member until the next read, where checking the marker on every write cost a call. The last
-- message is not copied either: show_inbox's caller reads it from the dialog. Both were measured (docs/performance.md):
-- every call and every string made here is paid twice per message.
local function keep_inbox(inbox, dialogs_key, unread_key, dialog_id, friend_id, name, ts, unread_member)
  if redis.call('ZADD', inbox, 'GT', ts, dialog_id) == 1 then
    redis.call('HSETNX', dialogs_key, dialog_id, friend_id .. ' ' .. name)
  end
  if unread_member then
    redis.call('ZADD', unread_key, 0, unread_member)
  end
end

local function check_participants(user, friend_id, author_id)
  uuid(friend_id, 'friend_id')
  if friend_id == user then
    bad('friend_id must not be the inbox owner')
  end
  if author_id ~= user and author_id ~= friend_id then
    bad('author_id must be the inbox owner or the friend, was "' .. author_id .. '"')
  end
end

local function inbox_enter(keys, args)
  expect_counts(keys, args, 2, 2, 4, 4)
  local user, inbox, dialogs_key = inbox_keys(keys, 1, 2)
  local dialog_id, friend_id, name, now = args[1], args[2], args[3], args[4]
  uuid(dialog_id, 'dialog_id')
  check_participants(user, friend_id, user)
  millis(now, 'now')
  redis.call('HSETNX', dialogs_key, dialog_id, friend_id .. ' ' .. name)
  return redis.call('ZADD', inbox, 'NX', now, dialog_id)
end

local function inbox_message(keys, args)
  expect_counts(keys, args, 3, 3, 6, 6)
  local user, inbox, dialogs_key, unread_key = inbox_keys(keys, 1, 3)
  local dialog_id, friend_id, name, id, author_id, ts = unpack(args)
  uuid(dialog_id, 'dialog_id')
  uuid(id, 'id')
  uuid(author_id, 'author_id')
  millis(ts, 'ts')
  check_participants(user, friend_id, author_id)
  keep_inbox(inbox, dialogs_key, unread_key, dialog_id, friend_id, name, ts,
      author_id ~= user and dialog_id .. ':' .. position(ts, id) or nil)
  return 1
end

-- The inbox keys of a user whose id the caller checked: compared with the names they must have, which costs a
-- fraction of matching them against patterns (inbox_keys) on this, the writer's, path.
local function user_inbox_keys(keys, from, user)
  local tag = '{inbox:' .. user .. '}'
  if keys[from] ~= 'inbox:' .. user or keys[from + 1] ~= tag .. ':dialogs' or keys[from + 2] ~= tag .. ':unread' then
    bad('keys ' .. from .. '..' .. (from + 2) .. ' must be inbox:' .. user .. ' ' .. tag .. ':dialogs ' .. tag .. ':unread')
  end
  return keys[from], keys[from + 1], keys[from + 2]
end

-- One Redis only (all keys of both users and the dialog): write_message and, unless the client key named an
-- earlier message (whose own write kept the inboxes), both users' inboxes, in one atomic call.
local function write_inbox_message(keys, args)
  expect_counts(keys, args, 8, 8, 8, 8)
  local id, author_id, chat_id, message, ts, client_key, recipient_id, name = unpack(args)
  local write_keys, write_args = { keys[1] }, { id, author_id, chat_id, message, ts }
  if client_key ~= '' then
    write_keys[2], write_args[6] = keys[2], client_key
  elseif keys[2] ~= '{' .. keys[1] .. '}:requests' then
    bad('second key must be {' .. keys[1] .. '}:requests, was "' .. keys[2] .. '"')
  end
  uuid(recipient_id, 'recipient_id')
  if recipient_id == author_id then
    bad('recipient_id must not be the author')
  end
  -- all checked before anything is written; the author's keys match its id, which store_message checks
  local author_inbox, author_dialogs, author_unread = user_inbox_keys(keys, 3, author_id)
  local recipient_inbox, recipient_dialogs, recipient_unread = user_inbox_keys(keys, 6, recipient_id)
  local reply = store_message(write_keys, write_args)
  if reply[2] == id then -- stored now, or a replay of a message stored before
    keep_inbox(author_inbox, author_dialogs, author_unread, chat_id, recipient_id, name, ts, nil)
    keep_inbox(recipient_inbox, recipient_dialogs, recipient_unread, chat_id, author_id, name, ts,
        chat_id .. ':' .. position(ts, id))
  end
  return reply
end

local function marker_args(args)
  local dialog_id, ts, id = args[1], args[2], args[3]
  uuid(dialog_id, 'dialog_id')
  millis(ts, 'ts')
  uuid(id, 'message id')
  return dialog_id, position(ts, id)
end

-- The user's own marker: moves only forward, and the friend's messages up to it leave the unread set.
local function inbox_read(keys, args)
  expect_counts(keys, args, 3, 3, 3, 3)
  local _, _, dialogs_key, unread_key = inbox_keys(keys, 1, 3)
  local dialog_id, pos = marker_args(args)
  local moved, holds = forward(dialogs_key, dialog_id .. ':read', pos)
  if moved == 1 then
    redis.call('ZREMRANGEBYLEX', unread_key, '[' .. dialog_id .. ':', '[' .. dialog_id .. ':' .. pos)
  end
  return { moved, holds }
end

-- The friend's marker, as the user's inbox shows it: moves only forward.
local function inbox_friend_read(keys, args)
  expect_counts(keys, args, 2, 2, 3, 3)
  local _, _, dialogs_key = inbox_keys(keys, 1, 2)
  local dialog_id, pos = marker_args(args)
  local moved, holds = forward(dialogs_key, dialog_id .. ':friend_read', pos)
  return { moved, holds }
end

-- Whether the dialog holds the message with this id at this ts (a read marker must name one).
local function has_message(keys, args)
  expect_counts(keys, args, 1, 1, 2, 2)
  local key = keys[1]
  local ts, id = args[1], args[2]
  messages_key(key, 'key')
  millis(ts, 'ts')
  uuid(id, 'message id')
  local _, found = position_in_run(key, ts, id)
  return found and 1 or 0
end

-- Up to `fetch` dialog ids with their scores, newest activity first, strictly before (before_ts, before_id):
-- the rest of the cursor's own millisecond (ties go by dialog id, descending), then older ones. A millisecond
-- holds at most the user's dialogs that had activity in it, so it is read whole.
local function inbox_range(inbox, fetch, before_ts, before_id)
  if not before_ts then
    return redis.call('ZRANGE', inbox, '+inf', '-inf', 'BYSCORE', 'REV', 'LIMIT', 0, fetch, 'WITHSCORES')
  end
  local rows = {}
  local run = redis.call('ZRANGE', inbox, before_ts, before_ts, 'BYSCORE', 'REV', 'WITHSCORES')
  for i = 1, #run, 2 do
    if #rows < 2 * fetch and id_less(run[i], before_id) then
      rows[#rows + 1], rows[#rows + 2] = run[i], run[i + 1]
    end
  end
  if #rows < 2 * fetch then
    local older = redis.call('ZRANGE', inbox, '(' .. before_ts, '-inf', 'BYSCORE', 'REV', 'LIMIT', 0,
        fetch - #rows / 2, 'WITHSCORES')
    for i = 1, #older do
      rows[#rows + 1] = older[i]
    end
  end
  return rows
end

-- Six values per dialog: dialog_id, activity, "<friend_id> <name>", own marker, friend's marker (each nil when
-- absent), unread count (the unread entries after the own marker); then 1 if more dialogs follow, else 0.
local function show_inbox(keys, args)
  expect_counts(keys, args, 3, 3, 1, 3)
  if #args == 2 then
    bad('a cursor is two arguments, before_ts and before_dialog_id; got only one')
  end
  local _, inbox, dialogs_key, unread_key = inbox_keys(keys, 1, 3)
  local limit_arg, before_ts, before_id = args[1], args[2], args[3]
  if not limit_arg:match('^%d+$') or tonumber(limit_arg) < 1 or tonumber(limit_arg) > MAX_LIMIT then
    bad('limit must be 1..' .. MAX_LIMIT .. ', was "' .. limit_arg .. '"')
  end
  local limit = tonumber(limit_arg)
  if before_ts then
    millis(before_ts, 'before ts')
    uuid(before_id, 'before dialog id')
  end
  local ids = inbox_range(inbox, limit + 1, before_ts, before_id)
  local rows = {}
  for i = 1, math.min(#ids, 2 * limit), 2 do
    local d = ids[i]
    local fields = redis.call('HMGET', dialogs_key, d, d .. ':read', d .. ':friend_read')
    rows[#rows + 1] = d
    rows[#rows + 1] = ids[i + 1]
    for j = 1, 3 do
      rows[#rows + 1] = fields[j]
    end
    local after = fields[2] and '(' .. d .. ':' .. fields[2] or '[' .. d .. ':'
    rows[#rows + 1] = redis.call('ZLEXCOUNT', unread_key, after, '[' .. d .. ';')
  end
  rows[#rows + 1] = #ids > 2 * limit and 1 or 0
  return rows
end

-- The newest message of each dialog, or nil for one without any: the inbox's last messages, which the inbox does
-- not copy. Any number of dialogs on one Redis; on a cluster one call per key. The keys are checked by shape only:
-- a pattern match per key was most of this call's cost, and a wrong key can only read a zset it names.
local function last_messages(keys, args)
  expect_counts(keys, args, 1, MAX_LIMIT, 0, 0)
  local rows = {}
  for i = 1, #keys do
    local key = keys[i]
    if #key ~= 45 or key:sub(1, 9) ~= 'messages:' then
      bad('key ' .. i .. ' must be messages:<dialog_id>, was "' .. key .. '"')
    end
    rows[i] = redis.call('ZRANGE', key, -1, -1)[1] or false
  end
  return rows
end

-- ---------------------------------------------------------------- end of inbox

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

-- ---------------------------------------------------------------- registration: inbox (issue #14)

redis.register_function {
  function_name = 'inbox_enter',
  callback = guarded('inbox_enter', 'KEYS inbox:<user> {inbox:<user>}:dialogs ARGV dialog_id friend_id name now_ms',
      inbox_enter),
}
redis.register_function {
  function_name = 'inbox_message',
  callback = guarded('inbox_message', 'KEYS inbox:<user> {inbox:<user>}:dialogs {inbox:<user>}:unread '
      .. 'ARGV dialog_id friend_id name id author_id ts', inbox_message),
}
redis.register_function {
  function_name = 'write_inbox_message',
  callback = guarded('write_inbox_message', 'KEYS messages:<dialog_id> {messages:<dialog_id>}:requests '
      .. 'inbox:<author> {inbox:<author>}:dialogs {inbox:<author>}:unread '
      .. 'inbox:<recipient> {inbox:<recipient>}:dialogs {inbox:<recipient>}:unread '
      .. 'ARGV id author_id chat_id message ts <author_id>:<client_id>|"" recipient_id name', write_inbox_message),
}
redis.register_function {
  function_name = 'inbox_read',
  callback = guarded('inbox_read', 'KEYS inbox:<user> {inbox:<user>}:dialogs {inbox:<user>}:unread '
      .. 'ARGV dialog_id ts message_id', inbox_read),
}
redis.register_function {
  function_name = 'inbox_friend_read',
  callback = guarded('inbox_friend_read', 'KEYS inbox:<user> {inbox:<user>}:dialogs ARGV dialog_id ts message_id',
      inbox_friend_read),
}
redis.register_function {
  function_name = 'has_message',
  callback = guarded('has_message', 'KEYS messages:<dialog_id> ARGV ts message_id', has_message),
  flags = { 'no-writes' },
}
redis.register_function {
  function_name = 'last_messages',
  callback = guarded('last_messages', 'KEYS messages:<dialog_id>... (1..' .. MAX_LIMIT .. ', one slot)', last_messages),
  flags = { 'no-writes' },
}
redis.register_function {
  function_name = 'show_inbox',
  callback = guarded('show_inbox', 'KEYS inbox:<user> {inbox:<user>}:dialogs {inbox:<user>}:unread '
      .. 'ARGV limit [before_ts before_dialog_id]', show_inbox),
  flags = { 'no-writes' },
}
