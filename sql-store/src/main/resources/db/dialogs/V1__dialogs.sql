-- The dialog tables of the SQL baseline (dev.chat.sqlstore.PostgresDialogStore).
-- Runs with its own Flyway history table (flyway_dialogs_history, see DialogSchema) so the service that
-- owns these tables migrates them independently of the gateway's user migrations.

-- One row per unordered pair of users. The store puts the smaller id (uuid order, which is the order of
-- the lower-case strings, see below) in user_low, so (a, b) and (b, a) land on the same row and the
-- unique pair constraint makes "one dialog per pair" hold under concurrent creation from both sides.
CREATE TABLE dialogs (
    id         uuid        NOT NULL,
    user_low   uuid        NOT NULL,
    user_high  uuid        NOT NULL,
    name       text        NOT NULL,
    owner_id   uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT dialogs_pkey PRIMARY KEY (id),
    CONSTRAINT dialogs_pair_ordered CHECK (user_low <= user_high),
    -- "the dialog of these two users" is an equality lookup on both columns: this unique index answers
    -- it (one index probe) and is the arbiter of INSERT ... ON CONFLICT (user_low, user_high).
    CONSTRAINT dialogs_pair_key UNIQUE (user_low, user_high)
);

-- No foreign key to dialogs on purpose: the Redis store writes messages:<dialog_id> without checking
-- that a dialog names it (callers look the dialog up first), and both stores pass one contract suite.
CREATE TABLE messages (
    id        uuid   NOT NULL,
    dialog_id uuid   NOT NULL,
    author_id uuid   NOT NULL,
    ts        bigint NOT NULL,
    client_id text,
    -- The text as UTF-8 bytes, not a text column: PostgreSQL text cannot hold NUL (U+0000) and the Redis
    -- store keeps it, so bytea is what keeps every message byte for byte in both stores. Same storage
    -- and TOAST compression as text; to read it by hand: convert_from(message, 'UTF8') (or
    -- encode(message, 'escape') for the rare text that contains NUL).
    message   bytea  NOT NULL,
    -- Idempotency by message id across the whole store. The ids are UUIDv7 (time-ordered), so inserts
    -- land at the right edge of this index instead of on random pages.
    CONSTRAINT messages_pkey PRIMARY KEY (id),
    -- the Redis functions accept epoch milliseconds of at most 15 digits (a double holds them exactly)
    CONSTRAINT messages_ts_range CHECK (ts BETWEEN 0 AND 999999999999999),
    -- the Redis functions accept client ids of 1..200 bytes
    CONSTRAINT messages_client_id_length CHECK (octet_length(client_id) BETWEEN 1 AND 200)
);

-- The read path: "the newest N messages of a dialog, then page older (or newer) from a cursor".
-- Every page query is  WHERE dialog_id = ? [AND (ts, id) < (?, ?)] ORDER BY ts DESC, id DESC LIMIT n+1
-- (or > and ASC for NEWER). With dialog_id as the equality prefix and (ts, id) next, the row-value bound
-- is an index condition and the ORDER BY is the index order, so a page reads n+1 index entries and
-- stops: no sort, no scan of older messages, whatever the dialog's size. Ascending columns are enough:
-- a b-tree is read backwards for the newest-first walk, so (dialog_id, ts DESC, id DESC) would only
-- flip which direction is the forward scan. The pair order matches the Redis ZSET: score (ts), then
-- member bytes, which begin with the id. Postgres compares uuid values as 16 unsigned bytes, the same
-- order as their lower-case hex strings (dev.chat.common.id.MessageIds.compare).
-- It is a separate index rather than the primary key because message-id idempotency must hold across
-- dialogs and timestamps, which a (dialog_id, ts, id) key alone would not give.
CREATE INDEX messages_dialog_ts_id ON messages (dialog_id, ts, id);

-- Client retries: one message per (dialog, author, client id). Partial, so writes without a client id
-- pay nothing for it; INSERT ... ON CONFLICT DO NOTHING uses it as an arbiter next to the primary key.
CREATE UNIQUE INDEX messages_client_key ON messages (dialog_id, author_id, client_id)
    WHERE client_id IS NOT NULL;
