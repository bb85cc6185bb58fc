-- GET /api/measures pages by keyset in each of its orders (MeasureSort), and finds bills by their number.
--
-- Each order has an index that the page's condition starts from, so that a late page costs what the first does.
-- Ties are broken by the id in the C collation, which is Java's order of strings: a list folded from the store (asOf)
-- then orders and pages as the table does, whatever the database's own collation. A missing date sorts as
-- -infinity or infinity, so that no order needs "nulls last" and a keyset condition stays one range.
--
-- bill_number and citation_order are read from the id, the one column that never changes; citation_order is the key
-- that tracker-core's BillCitation.orderKey computes, and the two must change together: '0', the type's place in
-- BillType (hr, s, hjres, sjres, hconres, sconres, hres, sres), the number in nine digits and the Congress in four;
-- '1' and the id for every other measure.
alter table measure
    add column bill_number integer generated always as (
        case when measure_id ~ '^(hr|s|hjres|sjres|hconres|sconres|hres|sres)[0-9]{1,9}-[0-9]{1,4}$'
             then cast(substring(measure_id from '^[a-z]+([0-9]+)-') as integer) end) stored,
    add column citation_order text collate "C" generated always as (
        case when measure_id ~ '^(hr|s|hjres|sjres|hconres|sconres|hres|sres)[0-9]{1,9}-[0-9]{1,4}$'
             then '0'
                  || case substring(measure_id from '^[a-z]+')
                         when 'hr' then '0' when 's' then '1' when 'hjres' then '2' when 'sjres' then '3'
                         when 'hconres' then '4' when 'sconres' then '5' when 'hres' then '6' else '7' end
                  || lpad(substring(measure_id from '^[a-z]+([0-9]+)-'), 9, '0')
                  || lpad(substring(measure_id from '-([0-9]+)$'), 4, '0')
             else '1' || measure_id end) stored;

-- sort=changed (the default): the day of the status, else of the last action, newest first.
create index measure_by_change on measure (coalesce(status_since, last_action_date, '-infinity'::date) desc,
                                           measure_id collate "C") where kind is not null;
-- sort=deadline: the next deadline, soonest first.
create index measure_by_deadline on measure (coalesce(next_deadline, 'infinity'::date), measure_id collate "C")
    where kind is not null;
-- sort=citation.
create index measure_by_citation on measure (citation_order) where kind is not null;
-- q=1229, q=H.R. 1229: the few bills and resolutions of a number.
create index measure_bill_number on measure (bill_number) where bill_number is not null;

-- The index on next_deadline alone served no query; the deadline order's index replaces it.
drop index measure_next_deadline;
