-- Each saving's planned and delivered money per year (JdbcSavingYears, SavingYearChange), kept in the
-- transaction of the events that change it, so that a programme's period cannot be shortened past a year
-- that holds money of one of its savings (rule period-keeps-years-with-money). Years as the April they
-- start in. Whether a withdrawn saving's plan counts is ledger_directory.withdrawn. Filled from the
-- events already stored by V6_2.
create table ledger_saving_years (
    saving_id    varchar(63)    not null,
    programme_id varchar(63)    not null,
    year         integer        not null,
    planned      numeric(38, 2) not null default 0,
    delivered    numeric(38, 2) not null default 0,
    primary key (saving_id, year)
);
create index ledger_saving_years_programme on ledger_saving_years (programme_id, year);
