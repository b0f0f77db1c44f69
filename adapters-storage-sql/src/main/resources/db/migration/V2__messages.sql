-- A broker's messages and consumption state, for store.kind=sql: the SQL form of the message log
-- (message_subject, stored_message) and of the pull log (subscription_cursor, consumer_progress,
-- pull_mapping). Conventions as in V1: H2 and MySQL/MariaDB, times in epoch milliseconds as BIGINT,
-- the table_options placeholder hidden from jOOQ's generator between the [jooq ignore] comments.
--
-- One broker owns these tables: its single append thread hands out subject ids and sequences from
-- memory. Brokers of different groups therefore need different databases (schemas), even when the
-- meta server's tables live in one of them.
--
-- Message bytes are LONGBLOB, which both databases accept. H2 keeps a BLOB apart from its row in a
-- large-object store that is some twenty times slower to write and read and grows without bound, so on
-- H2 the placeholder h2_inline_bytes (set by SqlDatabase) makes the column an in-row VARBINARY; on
-- MySQL it is empty.
--
-- The high-volume tables (stored_message, pull_mapping) carry no foreign keys: InnoDB would check the
-- parent row, with a shared lock, for every inserted row.

-- Every subject that ever had a message. The writer assigns ids (the highest plus one) and keeps
-- next_sequence, the sequence its next message gets, in step with the messages in one transaction.
CREATE TABLE message_subject (
    id            BIGINT       NOT NULL,
    subject       VARCHAR(255) NOT NULL,
    next_sequence BIGINT       NOT NULL,
    CONSTRAINT pk_message_subject PRIMARY KEY (id),
    CONSTRAINT uk_message_subject_name UNIQUE (subject)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- The messages, clustered by (subject, sequence) so that a read is one range scan. tags holds each
-- tag as <length>:<tag>, so that no character of a tag needs escaping; flags is the flag byte.
CREATE TABLE stored_message (
    subject_id       BIGINT       NOT NULL,
    subject_sequence BIGINT       NOT NULL,
    appended_at      BIGINT       NOT NULL,
    message_id       VARCHAR(100) NOT NULL,
    tags             MEDIUMTEXT   NOT NULL,
    flags            INT          NOT NULL,
    created_at       BIGINT       NOT NULL,
    scheduled_at     BIGINT       NOT NULL,
    encoded          LONGBLOB     NOT NULL,
    CONSTRAINT pk_stored_message PRIMARY KEY (subject_id, subject_sequence)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

/* [jooq ignore start] */ ${h2_inline_bytes} /* [jooq ignore stop] */

-- One row per subscription (subject and consumer group). cursor_position is the next subject sequence
-- to hand out; NULL while the subscription exists only because one of its consumers acknowledged
-- before anything was pulled (the record of the pull was lost).
CREATE TABLE subscription_cursor (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    subject         VARCHAR(255) NOT NULL,
    consumer_group  VARCHAR(255) NOT NULL,
    cursor_position BIGINT,
    CONSTRAINT pk_subscription_cursor PRIMARY KEY (id),
    CONSTRAINT uk_subscription_cursor UNIQUE (subject, consumer_group)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- One row per consumer: the highest pull sequence handed to it and the highest it acknowledged
-- (-1 for none).
CREATE TABLE consumer_progress (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    subscription_id BIGINT       NOT NULL,
    consumer_id     VARCHAR(255) NOT NULL,
    pulled          BIGINT       NOT NULL,
    acked           BIGINT       NOT NULL,
    CONSTRAINT pk_consumer_progress PRIMARY KEY (id),
    CONSTRAINT uk_consumer_progress UNIQUE (subscription_id, consumer_id),
    CONSTRAINT fk_consumer_progress_subscription FOREIGN KEY (subscription_id) REFERENCES subscription_cursor (id)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- A consumer's unacknowledged pull sequences and the subject sequences behind them. Acknowledging
-- deletes a prefix; lookups are ranges of one consumer's pull sequences.
CREATE TABLE pull_mapping (
    consumer_progress_id BIGINT NOT NULL,
    pull_sequence        BIGINT NOT NULL,
    subject_sequence     BIGINT NOT NULL,
    CONSTRAINT pk_pull_mapping PRIMARY KEY (consumer_progress_id, pull_sequence)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;
