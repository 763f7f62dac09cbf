-- Creates the items table. Flyway applies every V<n>__*.sql file in
-- this folder once, in order, at start-up; add a V2__... file to change the schema.
CREATE TABLE items (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(200) NOT NULL,
    done       BOOLEAN NOT NULL DEFAULT FALSE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT CURRENT_TIMESTAMP
);
