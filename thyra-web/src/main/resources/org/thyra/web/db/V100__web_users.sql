-- Accounts of the web application (issue 15). Numbered well above the registry's own migrations
-- so that this file can move verbatim into thyra-registry's Flyway folder: plain SQL valid on H2
-- (MODE=PostgreSQL) and PostgreSQL.
CREATE TABLE IF NOT EXISTS web_user (
  username      VARCHAR(64)  NOT NULL PRIMARY KEY,
  role          VARCHAR(20)  NOT NULL,
  site          VARCHAR(64),
  password_hash VARCHAR(255) NOT NULL,
  created_at    TIMESTAMP    NOT NULL,
  CONSTRAINT web_user_role CHECK (role IN ('admin', 'data-manager', 'clinician', 'analyst')),
  CONSTRAINT web_user_site CHECK (role <> 'data-manager' OR site IS NOT NULL)
);
