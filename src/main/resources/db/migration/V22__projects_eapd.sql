-- e-APD helper: each local authority's yearly worksheet of official development aid, the
-- declaration campaigns set by staff, and the reminders sent (each exactly once).

-- A campaign: in spring of "year", local authorities declare the amounts of year - 1.
create table eapd_campaign (
    year        int primary key,
    opens_on    date not null,
    closes_on   date not null,
    updated_by  bigint,
    updated_at  timestamptz not null default now(),
    constraint eapd_campaign_dates check (closes_on > opens_on)
);

-- A worksheet: the amounts of one local authority for one year ("year" is the year of the amounts).
create table eapd_worksheet (
    id              bigserial primary key,
    organisation_id bigint not null references organisation (id),
    year            int not null,
    saved_by        bigint,
    saved_by_name   varchar(200),
    saved_at        timestamptz not null default now(),
    version         int not null default 0,
    unique (organisation_id, year)
);

-- One line per official category.
create table eapd_line (
    worksheet_id bigint not null references eapd_worksheet (id) on delete cascade,
    category     varchar(20) not null,   -- COOPERATION, WATER, WASTE, ENERGY, NGO, MULTILATERAL, EDUCATION, REFUGEES, SCHOLARSHIPS, ADMIN
    amount       numeric(14, 2) not null default 0,
    comment      varchar(1000),
    primary key (worksheet_id, category)
);

-- The projects a line counts.
create table eapd_line_project (
    worksheet_id bigint not null references eapd_worksheet (id) on delete cascade,
    category     varchar(20) not null,
    project_id   bigint not null references project (id) on delete cascade,
    primary key (worksheet_id, category, project_id)
);

-- Reminders sent: one row per campaign, kind (OPENING, CLOSING), local authority and address.
create table eapd_reminder (
    campaign_year   int not null,
    kind            varchar(10) not null,
    organisation_id bigint not null references organisation (id),
    recipient       varchar(320) not null,
    sent_at         timestamptz not null default now(),
    primary key (campaign_year, kind, organisation_id, recipient)
);
