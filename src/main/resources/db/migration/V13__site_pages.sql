-- Editable pages of the site (legal notice, privacy policy, accessibility, the network, open data).
create table site_page (
    slug       varchar(60) primary key,
    title_fr   varchar(200) not null,
    title_en   varchar(200) not null,
    body_fr    text not null,
    body_en    text not null,
    updated_at timestamptz not null default now(),
    updated_by bigint
);

insert into site_page (slug, title_fr, title_en, body_fr, body_en) values
('le-reseau', 'Le réseau', 'The network',
$$Le réseau régional multi-acteurs rassemble les **associations**, **collectivités territoriales**, **établissements d'enseignement et de recherche**, **établissements de santé**, **entreprises** et **acteurs publics** de la région engagés dans la coopération et la solidarité internationale.

## Nos missions

1. **Identifier les acteurs** : un annuaire qualifié de qui fait quoi, où.
2. **Informer** : actualités, veille, appels à projets, lettre mensuelle.
3. **Accompagner les porteurs de projet** : formations, ateliers, rendez-vous d'accompagnement.
4. **Animer les échanges** : rencontres régionales, groupes pays, groupes thématiques.
5. **Mobiliser la jeunesse** : volontariat, service civique, partenariats entre écoles et associations.

## Adhérer

Toute structure de la région engagée à l'international peut adhérer au réseau. Commencez par [référencer votre structure](/se-referencer), puis écrivez-nous depuis la page [Contact](/contact).$$,
$$The regional multi-actor network brings together the region's **associations**, **local authorities**, **education and research institutions**, **health institutions**, **companies** and **public bodies** engaged in international cooperation and solidarity.

## Our missions

1. **Identify the actors**: a qualified directory of who does what, where.
2. **Inform**: news, monitoring, calls for projects, a monthly newsletter.
3. **Support project holders**: trainings, workshops, appointments with the team.
4. **Animate exchanges**: regional meetings, country groups, thematic groups.
5. **Mobilise youth**: volunteering, civic service, school–association partnerships.

## Join

Any organisation of the region acting abroad may join the network. Start by [listing your organisation](/se-referencer), then write to us from the [Contact](/contact) page.$$),
('mentions-legales', 'Mentions légales', 'Legal notice',
$$## Éditeur

Ce site est édité par le réseau régional multi-acteurs (association loi 1901). L'équipe du réseau met à jour cette page depuis l'administration du site.

## Hébergement

Indiquez ici le nom, l'adresse et le téléphone de l'hébergeur.

## Propriété intellectuelle

Les contenus publiés par les structures restent sous leur responsabilité. Les données de l'annuaire sont réutilisables dans les conditions indiquées sur la page [Données ouvertes et API](/api).$$,
$$## Publisher

This site is published by the regional multi-actor network (a French "loi 1901" association). The network's team keeps this page up to date from the site's administration.

## Hosting

State here the host's name, address and phone number.

## Intellectual property

Content published by organisations remains their responsibility. Directory data may be reused under the terms given on the [Open data and API](/api) page.$$),
('confidentialite', 'Données personnelles', 'Privacy',
$$Nous ne collectons que les données nécessaires au fonctionnement du réseau (RGPD).

- **Compte** : nom, adresse électronique, mot de passe chiffré, langue, date de votre consentement.
- **Structures** : les coordonnées publiques d'une structure ne sont affichées que si elle l'a choisi ; les adresses personnelles ne sont jamais publiées.
- **Vos droits** : depuis *Mon espace*, vous pouvez **exporter vos données** et **supprimer votre compte** à tout moment. Pour toute autre demande, écrivez-nous depuis la page [Contact](/contact).
- **Cookies** : uniquement ceux nécessaires à la connexion et au choix de la langue ; aucun traceur publicitaire.$$,
$$We only collect the data the network needs to work (GDPR).

- **Account**: name, e-mail address, hashed password, language, date of your consent.
- **Organisations**: an organisation's contact details are shown only if it chose so; personal addresses are never published.
- **Your rights**: from *My space* you can **export your data** and **delete your account** at any time. For any other request, write to us from the [Contact](/contact) page.
- **Cookies**: only those needed to sign in and to remember your language; no advertising trackers.$$),
('accessibilite', 'Accessibilité', 'Accessibility',
$$Ce site vise la conformité au **RGAA 4.1** (WCAG 2.1 niveau AA) : navigation au clavier, contrastes suffisants, formulaires étiquetés, cartes accompagnées d'un tableau de données.

Chaque version est vérifiée automatiquement (axe-core) sur ses pages principales. Si vous rencontrez une difficulté, signalez-la depuis la page [Contact](/contact) : nous vous répondrons et vous transmettrons l'information sous une forme accessible.$$,
$$This site aims to comply with **RGAA 4.1** (WCAG 2.1 level AA): keyboard navigation, sufficient contrast, labelled forms, maps with a data table.

Every release is checked automatically (axe-core) on its main pages. If you run into a difficulty, tell us from the [Contact](/contact) page: we will answer and send you the information in an accessible form.$$),
('api', 'Données ouvertes et API', 'Open data and API',
$$Les données publiques de l'annuaire sont ouvertes.

- **Export** : depuis l'[annuaire](/annuaire), exportez n'importe quelle recherche en CSV ou en Excel.
- **API JSON** : `GET /api/v1/organisations` (recherche, filtres, facettes), `GET /api/v1/organisations/{slug}`, `GET /api/v1/reference/{liste}`.
- **Documentation** : [description OpenAPI](/v3/api-docs) et [interface Swagger](/swagger-ui.html).

Seules les informations que les structures ont choisi de rendre publiques sont diffusées.$$,
$$The directory's public data is open.

- **Export**: from the [directory](/annuaire), export any search as CSV or Excel.
- **JSON API**: `GET /api/v1/organisations` (search, filters, facets), `GET /api/v1/organisations/{slug}`, `GET /api/v1/reference/{list}`.
- **Documentation**: [OpenAPI description](/v3/api-docs) and [Swagger UI](/swagger-ui.html).

Only the information that organisations chose to make public is published.$$);

-- Messages sent through the contact form (relayed to the team by e-mail; kept for follow-up).
create table contact_message (
    id         bigserial primary key,
    created_at timestamptz not null default now(),
    name       varchar(120) not null,
    email      varchar(320) not null,
    subject    varchar(200) not null,
    body       text not null,
    ip_hash    varchar(64)
);
create index contact_message_created on contact_message (created_at desc);
