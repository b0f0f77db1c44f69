-- Routes change after their first assignment (a subject topped up with a group that joined later,
-- an operator moving it), so each gets a version for compare-and-set across meta servers: an update
-- of the route row with the version it read either wins, holding the row until it commits, or finds
-- the version moved and gives up.
ALTER TABLE subject_route ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;

-- Operators' read-only marks, kept apart from broker_group.broker_state, which heartbeats overwrite.
CREATE TABLE read_only_group (
    group_name VARCHAR(200) NOT NULL,
    CONSTRAINT pk_read_only_group PRIMARY KEY (group_name)
) /* [jooq ignore start] */ ${table_options} /* [jooq ignore stop] */;
