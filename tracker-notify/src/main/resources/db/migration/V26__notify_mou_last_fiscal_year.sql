-- The notifier's copy of an MoU's row keeps its last fiscal year as a number too (see V25).
update notify_measure
set state = jsonb_set(state, '{row,details,lastFiscalYear}',
                      to_jsonb((regexp_match(state -> 'row' -> 'details' ->> 'fiscalYears', 'FY(\d+)$'))[1]::int))
where state -> 'row' ->> 'kind' = 'MOU' and state -> 'row' -> 'details' ->> 'fiscalYears' ~ 'FY\d+$';
