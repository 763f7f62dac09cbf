-- The authors table. Migrations run at start-up (github.com/pressly/goose):
-- add a new numbered file for every change; never edit one that has run.

-- +goose Up
CREATE TABLE authors (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    full_name VARCHAR(120) NOT NULL CHECK (char_length(full_name) >= 2),
    born_on DATE NOT NULL,
    rating DOUBLE PRECISION NULL CHECK (rating >= 0 AND rating <= 5),
    books_written BIGINT NOT NULL DEFAULT 0 CHECK (books_written >= 0),
    email VARCHAR(254) NULL UNIQUE,
    genre VARCHAR(11) NULL CHECK (genre IN ('fiction', 'non_fiction', 'poetry')),
    biography TEXT NULL CHECK (char_length(biography) <= 5000),
    active BOOLEAN NOT NULL,
    verified_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE authors;
