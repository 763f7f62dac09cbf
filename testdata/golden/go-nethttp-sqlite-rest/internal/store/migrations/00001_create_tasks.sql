-- Migrations run automatically at start-up (github.com/pressly/goose).
-- Add a new file 00002_....sql for every change; never edit one that has run.

-- +goose Up
CREATE TABLE tasks (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    title      TEXT     NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    done       BOOLEAN  NOT NULL DEFAULT 0,
    created_at DATETIME NOT NULL
);

-- +goose Down
DROP TABLE tasks;
