-- Client id claims: the message id a gateway fixed for (dialog, author, client id) before sending the message on,
-- shared by every gateway so that a retry through another one is answered with the same id. They expire; expired
-- rows are replaced by the next claim of their key and pruned in small batches by the store.
CREATE TABLE client_id_claims (
    dialog_id  uuid        NOT NULL,
    author_id  uuid        NOT NULL,
    client_id  text        NOT NULL,
    message_id uuid        NOT NULL,
    digest     text        NOT NULL,
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (dialog_id, author_id, client_id),
    CONSTRAINT client_id_claims_client_id_length CHECK (octet_length(client_id) BETWEEN 1 AND 200),
    CONSTRAINT client_id_claims_digest_length CHECK (length(digest) BETWEEN 1 AND 64)
);

CREATE INDEX client_id_claims_expiry ON client_id_claims (expires_at);
