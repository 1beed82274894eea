-- Each saving's and each programme's planned and delivered totals over all years (JdbcLedgerDirectory,
-- SavingTotals), kept in the transaction of the events that change them so that the rule
-- totals-within-money-limit can refuse a saving that would take its programme's totals past £1tn.
-- A saving row: its own totals and whether it was withdrawn (its plan then no longer counts); a
-- programme row: the sums over its savings. numeric(38,2): exact, and no store of £1tn amounts can
-- overflow it. Filled from the events already stored by V5.
alter table ledger_directory
    add column planned_total   numeric(38, 2) not null default 0,
    add column delivered_total numeric(38, 2) not null default 0,
    add column withdrawn       boolean        not null default false;
