-- Roles instead of one admin flag. Before this, an operator could do everything and every other account could both
-- record facts and manage its own alerts; each keeps exactly what it could do: operators become OPERATOR, every
-- other account RECORDER and STAFFER. An operator narrows them with PUT /api/admin/accounts/{id}/roles.
alter table account add column roles varchar(16)[] not null default '{STAFFER}';
update account set roles = case when admin then '{OPERATOR}'::varchar(16)[] else '{RECORDER,STAFFER}'::varchar(16)[] end;
alter table account drop column admin;
alter table account add constraint account_roles_known
    check (cardinality(roles) > 0 and roles <@ '{OPERATOR,RECORDER,STAFFER,AUDITOR}'::varchar(16)[]);
