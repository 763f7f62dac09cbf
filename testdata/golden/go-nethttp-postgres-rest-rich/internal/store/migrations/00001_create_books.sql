-- The books table. Migrations run at start-up (github.com/pressly/goose):
-- add a new numbered file for every change; never edit one that has run.

-- +goose Up
CREATE TABLE books (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title VARCHAR(200) NOT NULL CHECK (char_length(title) >= 1),
    summary TEXT NULL,
    pages BIGINT NULL CHECK (pages >= 1 AND pages <= 10000),
    price DOUBLE PRECISION NULL CHECK (price >= 0),
    available BOOLEAN NOT NULL DEFAULT TRUE,
    published_on DATE NULL,
    last_read_at TIMESTAMPTZ NULL,
    status VARCHAR(8) NOT NULL DEFAULT 'wishlist' CHECK (status IN ('wishlist', 'reading', 'read')),
    isbn VARCHAR(17) NULL UNIQUE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE books;
