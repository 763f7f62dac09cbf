-- Migrations run automatically at start-up (github.com/pressly/goose).
-- Add a new file 00002_....sql for every change; never edit one that has run.

-- +goose Up
CREATE TABLE books (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    done       BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at DATETIME(3)  NOT NULL
) DEFAULT CHARSET = utf8mb4;

-- +goose Down
DROP TABLE books;
