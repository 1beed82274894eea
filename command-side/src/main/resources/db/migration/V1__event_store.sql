-- Axon's JDBC event storage engine, as PostgresEventTableFactory would create it, in snake case
-- (see AxonConfig.eventSchema). Events are the source of truth: never update or delete rows here.
create table domain_event_entry (
    global_index         bigserial    not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255),
    primary key (global_index),
    constraint domain_event_entry_aggregate_sequence unique (aggregate_identifier, sequence_number),
    constraint domain_event_entry_event_identifier unique (event_identifier)
);

create table snapshot_event_entry (
    aggregate_identifier varchar(255) not null,
    sequence_number      bigint       not null,
    type                 varchar(255) not null,
    event_identifier     varchar(255) not null,
    meta_data            bytea,
    payload              bytea        not null,
    payload_revision     varchar(255),
    payload_type         varchar(255) not null,
    time_stamp           varchar(255) not null,
    primary key (aggregate_identifier, sequence_number),
    constraint snapshot_event_entry_event_identifier unique (event_identifier)
);
