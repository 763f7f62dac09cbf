-- The books table. Migrations run at start-up (github.com/pressly/goose):
-- add a new numbered file for every change; never edit one that has run.

-- +goose Up
CREATE TABLE books (
    id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title VARCHAR(200) NOT NULL CHECK (char_length(title) >= 1),
    done BOOLEAN NOT NULL DEFAULT FALSE,
    created_at DATETIME(6) NOT NULL,
    updated_at DATETIME(6) NOT NULL
) DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_bin;

-- +goose Down
DROP TABLE books;
