-- Users and friendships of the OTUS social network. Ids are UUIDs minted by the gateway.
CREATE TABLE users (
    id            uuid          PRIMARY KEY,
    first_name    varchar(100)  NOT NULL,
    second_name   varchar(100)  NOT NULL,
    birthdate     date,
    biography     varchar(2000),
    city          varchar(100),
    password_hash varchar(100)  NOT NULL,
    created_at    timestamptz   NOT NULL DEFAULT now()
);

-- /user/search: case-insensitive prefix match on both names (lower(x) LIKE 'prefix%').
-- text_pattern_ops makes LIKE-prefix usable as an index range whatever the database collation is.
CREATE INDEX users_name_prefix ON users (lower(first_name) text_pattern_ops, lower(second_name) text_pattern_ops);

-- One row per direction: "user_id named friend_id as a friend".
CREATE TABLE friendships (
    user_id    uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    friend_id  uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, friend_id),
    CHECK (user_id <> friend_id)
);

-- "who named me as a friend", and cascading deletes of a user, without a full scan
CREATE INDEX friendships_friend ON friendships (friend_id);
