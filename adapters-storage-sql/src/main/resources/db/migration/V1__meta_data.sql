-- The meta server's state: broker groups, subject routes and client registrations.
--
-- Written for both H2 and MySQL/MariaDB. Times are epoch milliseconds in BIGINT, so no time zone is
-- involved. ${table_options} is a Flyway placeholder: empty on H2, and on MySQL/MariaDB it asks for
-- InnoDB with a binary utf8mb4 collation, because subjects, groups and client ids are case-sensitive
-- (the server default *_general_ci would make 'Orders' and 'orders' collide). jOOQ's code generator
-- skips it between the [jooq ignore] comments.
--
-- Key widths: under utf8mb4 an InnoDB index may span 3072 bytes; the widest key, on
-- client_registration, is (255 + 200 + 200) * 4 + 4 = 2624 bytes.

CREATE TABLE broker_group (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    group_name     VARCHAR(200) NOT NULL,
    kind           INT          NOT NULL,
    master_address VARCHAR(255) NOT NULL,
    broker_state   INT          NOT NULL,
    updated_at     BIGINT       NOT NULL,
    CONSTRAINT pk_broker_group PRIMARY KEY (id),
    CONSTRAINT uk_broker_group_name UNIQUE (group_name)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- One row per routed subject. Its unique subject is what makes the first assignment win when several
-- meta servers race: the losers' inserts fail and they read the winner's groups.
CREATE TABLE subject_route (
    id      BIGINT       NOT NULL AUTO_INCREMENT,
    subject VARCHAR(255) NOT NULL,
    CONSTRAINT pk_subject_route PRIMARY KEY (id),
    CONSTRAINT uk_subject_route_subject UNIQUE (subject)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- The groups of a route, in assignment order (list_position from 0), written in the same
-- transaction as their route.
CREATE TABLE subject_route_group (
    route_id      BIGINT       NOT NULL,
    list_position INT          NOT NULL,
    group_name    VARCHAR(200) NOT NULL,
    CONSTRAINT pk_subject_route_group PRIMARY KEY (route_id, list_position),
    CONSTRAINT uk_subject_route_group_name UNIQUE (route_id, group_name),
    CONSTRAINT fk_subject_route_group_route FOREIGN KEY (route_id) REFERENCES subject_route (id)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- Who has ever produced or consumed what. Insert-once per identity; later registrations only move
-- last_seen forward. The unique key starts with subject, so it also serves lookups by subject.
CREATE TABLE client_registration (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    subject        VARCHAR(255) NOT NULL,
    client_type    INT          NOT NULL,
    consumer_group VARCHAR(200) NOT NULL,
    client_id      VARCHAR(200) NOT NULL,
    app_code       VARCHAR(200) NOT NULL,
    first_seen     BIGINT       NOT NULL,
    last_seen      BIGINT       NOT NULL,
    CONSTRAINT pk_client_registration PRIMARY KEY (id),
    CONSTRAINT uk_client_registration UNIQUE (subject, client_type, consumer_group, client_id)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;
