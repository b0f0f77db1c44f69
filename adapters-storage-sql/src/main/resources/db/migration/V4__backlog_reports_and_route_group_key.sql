-- Brokers' backlog reports, and routes that may name only existing broker groups. Conventions as in V1.

-- The latest backlog report of each broker group, replaced by the next (brokers report with every
-- heartbeat). The report's entries share one text column rather than a row each: a broker may hold
-- thousands of subscriptions, and replacing one row every few seconds is one write where a row per
-- subscription would be thousands. The entries' layout is described on BacklogEntriesColumn.
-- complete is false when the broker left its smallest backlogs out to keep the report small.
CREATE TABLE backlog_report (
    group_name  VARCHAR(200) NOT NULL,
    reported_at BIGINT       NOT NULL,
    complete    BOOLEAN      NOT NULL,
    entries     MEDIUMTEXT   NOT NULL,
    CONSTRAINT pk_backlog_report PRIMARY KEY (group_name)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;

-- A route names only broker groups that exist. The foreign key makes removing a group and routing a
-- subject to it exclude each other, also across meta servers: the route's insert locks the group's row
-- (shared) while it checks it, the removal locks it (exclusive) while it looks for routes, so whichever
-- comes second waits and then fails. RESTRICT: a removal never takes routes with it.
--
-- Earlier versions could lose that race and keep a route naming a group that is gone. Such names are
-- dropped first (clients were never given them: only known groups are routed to), and a route left with
-- no group goes too; its subject is assigned afresh when next looked up.
DELETE FROM subject_route_group WHERE group_name NOT IN (SELECT group_name FROM broker_group);
DELETE FROM subject_route WHERE id NOT IN (SELECT route_id FROM subject_route_group);
CREATE INDEX ix_subject_route_group_group ON subject_route_group (group_name);
ALTER TABLE subject_route_group ADD CONSTRAINT fk_subject_route_group_broker_group
    FOREIGN KEY (group_name) REFERENCES broker_group (group_name) ON DELETE RESTRICT;
