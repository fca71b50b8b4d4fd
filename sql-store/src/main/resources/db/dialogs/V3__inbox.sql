-- The inbox (issue #14): per user, the dialogs by last activity, each with its read markers. The last message and
-- the unread count are not stored: they are read from messages when the inbox is shown (PostgresInbox), so they
-- cannot drift from the messages and a replayed write has nothing to count twice.

-- One row per user and dialog, made by makeDialog (activity = when the dialog was made) or by the first kept write.
-- activity only grows (GREATEST on conflict), so a replayed or late write never moves a dialog down or up wrongly.
CREATE TABLE inbox (
    user_id   uuid   NOT NULL,
    dialog_id uuid   NOT NULL,
    friend_id uuid   NOT NULL,
    name      text   NOT NULL,
    activity  bigint NOT NULL,
    CONSTRAINT inbox_pkey PRIMARY KEY (user_id, dialog_id)
);

-- The inbox page: WHERE user_id = ? [AND (activity, dialog_id) < (?, ?)] ORDER BY activity DESC, dialog_id DESC
-- LIMIT n+1 reads n+1 entries of this index and stops (the same shape as the message pages).
CREATE INDEX inbox_user_activity ON inbox (user_id, activity, dialog_id);

-- A user's read marker in a dialog: the position (ts, message id) of the last message read. Apart from inbox so a
-- marker can be kept for a dialog that is not (yet) in the inbox, as the Redis store does; moved only forward.
CREATE TABLE read_markers (
    user_id    uuid   NOT NULL,
    dialog_id  uuid   NOT NULL,
    ts         bigint NOT NULL,
    message_id uuid   NOT NULL,
    CONSTRAINT read_markers_pkey PRIMARY KEY (user_id, dialog_id)
);
