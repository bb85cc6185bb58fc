-- Tokens that may write to the API. Only a SHA-256 hash of each token is kept: a copy of this table lets nobody
-- write.
create table api_token (
    token_sha256 char(64) primary key,
    account      varchar(128) not null,
    created_at   timestamptz  not null default now()
);
