-- An MoU's row keeps its last fiscal year as a number, which its deadline is computed from; rows folded before it
-- only had it inside the display text "FY2019-FY2028". A rebuild folds the same value.
update measure
set details = details || jsonb_build_object('lastFiscalYear', (regexp_match(details ->> 'fiscalYears', 'FY(\d+)$'))[1]::int)
where kind = 'MOU' and details ->> 'fiscalYears' ~ 'FY\d+$';
