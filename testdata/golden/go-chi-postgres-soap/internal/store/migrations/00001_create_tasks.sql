-- The tasks table. Migrations run at start-up (github.com/pressly/goose):
-- add a new numbered file for every change; never edit one that has run.

-- +goose Up
CREATE TABLE tasks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    title VARCHAR(200) NOT NULL CHECK (char_length(title) >= 1),
    done BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

-- +goose Down
DROP TABLE tasks;
