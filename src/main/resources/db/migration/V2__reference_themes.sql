-- Reference data: the network's themes (editable by staff). Seeded from refdata/themes/themes_rrma.csv.
create table theme (
    code       varchar(60) primary key,
    label_fr   varchar(200) not null,
    label_en   varchar(200) not null,
    dac_codes  varchar(400) not null default '',
    sdg_goals  varchar(100) not null default '',
    position   int not null,
    active     boolean not null default true,
    updated_at timestamptz not null default now()
);
insert into theme (code, label_fr, label_en, dac_codes, sdg_goals, position) values
  ('sante', 'Santé', 'Health', '121;122;123;130', '3', 1),
  ('education-formation', 'Éducation, formation professionnelle', 'Education, vocational training', '111;112;113;114', '4', 2),
  ('eau-assainissement', 'Eau, assainissement, hygiène', 'Water, sanitation, hygiene', '140', '6', 3),
  ('agriculture-alimentation', 'Agriculture, développement rural, sécurité alimentaire', 'Agriculture, rural development, food security', '311;312;313;43040;520', '2', 4),
  ('environnement-climat', 'Environnement, climat, biodiversité', 'Environment, climate, biodiversity', '410', '13;14;15', 5),
  ('energie', 'Énergie', 'Energy', '230;231;232;233;234;235;236', '7', 6),
  ('economie-emploi', 'Développement économique, artisanat, emploi, microfinance', 'Economic development, crafts, employment, microfinance', '240;250;321', '8', 7),
  ('commerce-equitable-tourisme', 'Commerce équitable, tourisme solidaire', 'Fair trade, solidarity tourism', '331;332', '12', 8),
  ('culture-patrimoine', 'Culture, patrimoine, francophonie', 'Culture, heritage, francophonie', '16061', '11', 9),
  ('ecsi', 'Éducation à la citoyenneté et à la solidarité internationale', 'Global citizenship and development education', '99820', '4', 10),
  ('gouvernance-locale', 'Gouvernance locale, appui institutionnel, décentralisation', 'Local governance, institutional support, decentralisation', '15110;15112;15128;15185', '16', 11),
  ('droits-humains-paix', 'Droits humains, démocratie, paix', 'Human rights, democracy, peace', '15150;15160;152', '16', 12),
  ('genre', 'Égalité femmes-hommes', 'Gender equality', '15170;15180', '5', 13),
  ('urbain-habitat', 'Développement urbain, habitat, aménagement', 'Urban development, housing, planning', '16030;43030', '11', 14),
  ('humanitaire-urgence', 'Action humanitaire, urgence, reconstruction', 'Humanitarian action, emergency, reconstruction', '720;730;740', '1;11', 15),
  ('migrations', 'Migrations, accueil, codéveloppement', 'Migration, reception, co-development', '15190;93010', '10', 16),
  ('jeunesse-mobilite', 'Jeunesse, mobilité internationale, volontariat', 'Youth, international mobility, volunteering', '11330;16020', '4;8', 17),
  ('materiel-solidaire', 'Collecte et envoi de matériel', 'Collection and shipping of equipment', '', '17', 18);
