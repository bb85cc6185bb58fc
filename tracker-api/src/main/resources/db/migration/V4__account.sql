-- Accounts: who submits facts and owns subscriptions. Operators (admin) create the others and their tokens.
create table account (
    id         varchar(128) primary key,
    name       text,
    email      text,
    admin      boolean     not null default false,
    created_at timestamptz not null default now()
);

insert into account (id, name, admin) values ('operator', 'Operator', true);
insert into account (id)
select distinct account from api_token where account <> 'operator';

alter table api_token add constraint api_token_account foreign key (account) references account (id);
