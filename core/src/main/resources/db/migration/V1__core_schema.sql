-- MoveDesk core schema. Instants are TIMESTAMP WITH TIME ZONE (microseconds); the RP table keeps
-- the central service's local date-times. Every list the screens show has an index behind it.

create table location (
    id               uuid primary key,
    loc_key          varchar(120) not null,
    title            varchar(255) not null,
    title_key        varchar(255) not null,
    location_type    varchar(40)  not null,
    nomis_agency_id  varchar(10),
    active           boolean      not null default true,
    updated_at       timestamp(6) with time zone not null,
    constraint ux_location_key unique (loc_key)
);
create index ix_location_agency on location (nomis_agency_id);
create index ix_location_title on location (title_key);
create index ix_location_type on location (location_type, title_key);

create table person (
    id              uuid primary key,
    central_id      varchar(64),
    prison_number   varchar(7),
    pnc_number      varchar(20),
    first_names     varchar(255) not null,
    last_name       varchar(255) not null,
    name_key        varchar(512) not null,
    date_of_birth   date,
    gender          varchar(40),
    created_at      timestamp(6) with time zone not null,
    updated_at      timestamp(6) with time zone not null,
    version         bigint not null default 0,
    constraint ux_person_central unique (central_id),
    constraint ux_person_prison_number unique (prison_number)
);
create index ix_person_name on person (name_key);

create table profile (
    id          uuid primary key,
    central_id  varchar(64),
    person_id   uuid not null references person (id),
    created_at  timestamp(6) with time zone not null,
    constraint ux_profile_central unique (central_id)
);
create index ix_profile_person on profile (person_id);

create table move (
    id                   uuid primary key,
    central_id           varchar(64),
    reference            varchar(16),
    status               varchar(20) not null,
    move_type            varchar(30) not null,
    move_date            date,
    time_due             time,
    from_location_id     uuid not null references location (id),
    to_location_id       uuid references location (id),
    person_id            uuid not null references person (id),
    profile_id           uuid references profile (id),
    notes                varchar(4000),
    cancellation_reason  varchar(60),
    cancellation_comment varchar(4000),
    rejection_reason     varchar(60),
    rebooked_as          uuid,
    rebooked_from        uuid,
    refreshed            boolean not null default true,
    version              bigint  not null default 0,
    created_at           timestamp(6) with time zone not null,
    updated_at           timestamp(6) with time zone not null,
    constraint ux_move_central unique (central_id)
);
-- "moves in and out of my locations": two indexed lookups joined by UNION ALL (an OR scans in H2)
create index ix_move_from_date on move (from_location_id, move_date);
create index ix_move_to_date on move (to_location_id, move_date);
create index ix_move_date on move (move_date);
create index ix_move_person on move (person_id, move_date);
create index ix_move_reference on move (reference);

create table restricted_patient (
    prisoner_number        varchar(7)  primary key,
    from_location_id       varchar(5)  not null,
    hospital_location_code varchar(10) not null,
    supporting_prison_id   varchar(5)  not null,
    discharge_time         timestamp   not null,
    comment_text           varchar(240),
    create_user_id         varchar(32),
    create_datetime        timestamp   not null,
    modify_datetime        timestamp,
    modify_user_id         varchar(32),
    version                bigint not null default 0
);
create index ix_rp_hospital on restricted_patient (hospital_location_code);
create index ix_rp_supporting on restricted_patient (supporting_prison_id);

-- append-only audit trail, hash-chained; ids are assigned under the history_head row lock
create table history (
    id              bigint primary key,
    occurred_at     timestamp(6) with time zone not null,
    recorded_at     timestamp(6) with time zone not null,
    operator        varchar(64)  not null,
    desk_id         varchar(64),
    aggregate_type  varchar(20)  not null,
    aggregate_id    varchar(64)  not null,
    location_id     uuid,
    to_location_id  uuid,
    move_reference  varchar(16),
    prison_number   varchar(7),
    event_type      varchar(60)  not null,
    move_type       varchar(30),
    status          varchar(20),
    before_json     varchar(100000),
    after_json      varchar(100000),
    notes           varchar(4000),
    source          varchar(10)  not null,
    prev_hash       varchar(64)  not null,
    hash            varchar(64)  not null
);
create index ix_history_aggregate on history (aggregate_type, aggregate_id, id);
create index ix_history_person on history (prison_number, occurred_at);
create index ix_history_operator on history (operator, occurred_at);
create index ix_history_location on history (location_id, occurred_at);
create index ix_history_to_location on history (to_location_id, occurred_at);
create index ix_history_occurred on history (occurred_at);
create index ix_history_reference on history (move_reference);

create table history_head (
    id        int primary key,
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into history_head (id, last_id, last_hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table outbox (
    id               bigint generated by default as identity primary key,
    channel          varchar(10) not null,
    aggregate_type   varchar(20) not null,
    aggregate_id     varchar(64) not null,
    seq              bigint      not null,
    action           varchar(30) not null,
    payload          varchar(100000) not null,
    idempotency_key  uuid        not null,
    occurred_at      timestamp(6) with time zone not null,
    recorded_at      timestamp(6) with time zone not null,
    state            varchar(12) not null,
    attempts         int         not null default 0,
    next_attempt_at  timestamp(6) with time zone,
    error_status     int,
    error_code       varchar(120),
    error_title      varchar(500),
    error_detail     varchar(4000),
    error_pointer    varchar(500),
    central_id       varchar(64),
    conflict_local   varchar(100000),
    conflict_remote  varchar(100000),
    created_by       varchar(64) not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint not null default 0,
    constraint ux_outbox_seq unique (channel, aggregate_type, aggregate_id, seq),
    constraint ux_outbox_key unique (idempotency_key)
);
create index ix_outbox_ready on outbox (channel, state, next_attempt_at);
create index ix_outbox_state on outbox (state, id);
create index ix_outbox_aggregate on outbox (aggregate_type, aggregate_id, state);

create table operator (
    username         varchar(64) primary key,
    display_name     varchar(255) not null,
    password_hash    varchar(255) not null,
    roles            varchar(500) not null,
    enabled          boolean not null default true,
    failed_attempts  int     not null default 0,
    locked_until     timestamp(6) with time zone,
    last_sign_in_at  timestamp(6) with time zone,
    created_at       timestamp(6) with time zone not null,
    updated_at       timestamp(6) with time zone not null,
    version          bigint not null default 0
);

create table desk (
    id          int primary key,
    desk_id     varchar(64)  not null,
    name        varchar(255) not null,
    updated_at  timestamp(6) with time zone not null,
    version     bigint not null default 0
);
insert into desk (id, desk_id, name, updated_at)
values (1, cast(random_uuid() as varchar), 'MoveDesk', current_timestamp);

create table desk_location (
    desk_ref    int  not null references desk (id),
    location_id uuid not null references location (id),
    primary key (desk_ref, location_id)
);
