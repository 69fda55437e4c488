package fr.maillage.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventFormat;
import fr.maillage.agenda.EventStatus;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.RepeatFrequency;
import fr.maillage.agenda.TrainingModuleData;

/**
 * Composes a regional network's agenda over the past year and the next eighteen months: first
 * the events every network holds (the yearly multi-actor day with its Agora of six parallel
 * workshops, each with its capacity, and its "Tribune des projets"; the festival of the
 * solidarity week over nine days in November; the general assembly in June; country groups
 * meeting monthly), then a mix of training sessions of the catalogue's modules, collective
 * workshops, webinars, departmental meetings and the members' own events (screenings, talks,
 * solidarity markets), in the région's départements, organised by demo structures when there
 * are some. Deterministic: event number {@code n} of a seed and a day is always the same.
 */
final class DemoEventGenerator {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** A demo module of the training catalogue; {@code key} names it in the generator. */
    record Module(String key, TrainingModuleData data) {
    }

    /** The four modules of the demo catalogue. */
    static final List<Module> MODULES = List.of(
            new Module("projet", new TrainingModuleData("Monter un projet de solidarité internationale",
                    "Du diagnostic partagé avec les partenaires au budget : les étapes d’un projet solide.",
                    "- conduire un diagnostic avec les partenaires du Sud\n- construire un **cadre logique** et des indicateurs\n- bâtir un budget et un plan de financement",
                    "Porter ou préparer un projet au sein d’une structure.", new BigDecimal("14"),
                    "Bénévoles et salariés d’associations, agents de collectivités", "Claire Martin, chargée de mission formation",
                    Set.of("gouvernance-locale", "education-formation"), true)),
            new Module("financement", new TrainingModuleData("Rechercher des financements pour son projet",
                    "Panorama des financeurs publics et privés, et méthode pour répondre à un appel à projets.",
                    "- connaître les guichets (Région, AFD, agences de l’eau, fondations)\n- lire un appel à projets\n- rédiger une demande convaincante",
                    null, new BigDecimal("7"), "Porteurs de projet", "Mamadou Sy, consultant",
                    Set.of("economie-emploi"), true)),
            new Module("ecsi", new TrainingModuleData("Animer un atelier d’éducation à la citoyenneté et à la solidarité internationale",
                    "Des outils d’animation pour parler des inégalités mondiales avec des jeunes et des adultes.",
                    "- découvrir les outils de l’ECSI (jeux, débats mouvants, photolangage)\n- construire une séquence d’animation\n- s’entraîner et s’évaluer entre pairs",
                    "Aucun.", new BigDecimal("10.5"), "Enseignants, animateurs, bénévoles", "Inès Benali, animatrice ECSI",
                    Set.of("ecsi", "jeunesse-mobilite"), true)),
            new Module("evaluation", new TrainingModuleData("Évaluer un projet et capitaliser son expérience",
                    "Suivre, évaluer et tirer les leçons d’un projet, avec les partenaires.",
                    "- définir des questions évaluatives\n- collecter et analyser des données simples\n- restituer et capitaliser",
                    "Avoir suivi « Monter un projet » ou porter un projet en cours.", new BigDecimal("7"),
                    "Responsables de projets", "Sophie Durand, évaluatrice",
                    Set.of("gouvernance-locale"), true)));

    /** A published demo structure that may organise events. */
    record Organiser(long id, String name, String postalCode, String city, String departement, Double latitude, Double longitude,
                     List<String> themes, List<String> countries) {
    }

    /** A generated event: its content, status, creation time and report (past meetings). */
    record DemoEvent(EventData data, EventStatus status, Instant createdAt, String report, String moderationMessage) {
    }

    private static final Map<String, String> COUNTRY_NAMES = ordered(
            "SN", "Sénégal", "MG", "Madagascar", "BF", "Burkina Faso", "ML", "Mali", "MA", "Maroc", "HT", "Haïti",
            "CM", "Cameroun", "BJ", "Bénin", "TG", "Togo", "VN", "Viêt Nam", "PS", "Palestine", "NE", "Niger");

    private static final List<String> WORKSHOP_TOPICS = List.of(
            "accueillir des volontaires de réciprocité", "communiquer sur son projet", "travailler avec les diasporas",
            "les Objectifs de développement durable dans nos projets", "envoyer du matériel : bonnes pratiques",
            "le partenariat avec les collectivités du Sud", "mobiliser les jeunes dans les projets", "l’égalité femmes-hommes dans nos actions",
            "les chantiers de jeunes à l’international", "sécuriser ses transferts de fonds", "la gouvernance associative",
            "préparer une mission sur le terrain", "écrire le rapport d’activité", "la coopération décentralisée pas à pas");
    private static final List<String> WEBINAR_TOPICS = List.of(
            "Présentation de l’appel à projets régional", "Le Fonds de solidarité pour les projets innovants (FSPI)",
            "Volontariat de solidarité internationale : mode d’emploi", "Climat et solidarité internationale",
            "Les financements de l’Agence française de développement pour les associations", "Déclarer son aide publique au développement",
            "La loi « 1 % eau » pour les collectivités", "Sécurité des équipes sur le terrain", "Accueillir un service civique",
            "Retour d’expérience : projets d’eau potable au Sahel");
    private static final List<String> MEMBER_FORMATS = List.of(
            "Projection-débat : « {c} en transition »", "Soirée {c} : repas solidaire et témoignages", "Conférence : la coopération avec {c}",
            "Marché solidaire de {city}", "Exposition photo : regards sur {c}", "Concert solidaire au profit d’un projet en {c}",
            "Assemblée générale de {org}", "Collecte de matériel scolaire pour {c}", "Café-débat : agir ici et là-bas",
            "Journée portes ouvertes de {org}");
    private static final List<String> AGORA_WORKSHOPS = List.of(
            "Eau et assainissement : partager les expériences", "Jeunesse et engagement international",
            "Coopération décentralisée et ODD", "Santé : construire des partenariats durables",
            "Agriculture et souveraineté alimentaire", "Éducation à la citoyenneté mondiale dans les écoles",
            "Financer ses projets autrement", "Migrations et codéveloppement");

    private final long seed;
    private final LocalDate today;
    private final Instant now;
    private final LocalDate first;
    private final LocalDate last;
    private final List<DemoGenerator.Commune> homeCommunes;
    private final DemoGenerator.Weighted<DemoGenerator.Commune> communePicker;
    private final DemoGenerator.Commune capital;
    private final List<Organiser> organisers;
    private final Map<String, Long> moduleIds;
    private final List<Anchor> anchors = new ArrayList<>();

    private record Anchor(String kind, int year, String country) {
    }

    DemoEventGenerator(long seed, Instant now, List<DemoGenerator.Commune> homeCommunes, List<Organiser> organisers,
                       Map<String, Long> moduleIds) {
        if (homeCommunes.isEmpty()) {
            throw new IllegalArgumentException("Aucune commune pour situer les événements de démonstration");
        }
        this.seed = seed;
        this.now = now;
        this.today = LocalDate.ofInstant(now, PARIS);
        this.first = today.minusYears(1);
        this.last = today.plusMonths(18);
        this.homeCommunes = List.copyOf(homeCommunes);
        Map<DemoGenerator.Commune, Double> weights = new LinkedHashMap<>();
        homeCommunes.forEach(c -> weights.put(c, Math.pow(Math.max(1, c.populationK()), 0.7)));
        this.communePicker = new DemoGenerator.Weighted<>(weights);
        this.capital = homeCommunes.stream().max((a, b) -> Integer.compare(a.populationK(), b.populationK())).orElseThrow();
        this.organisers = List.copyOf(organisers);
        this.moduleIds = Map.copyOf(moduleIds);
        // the network's yearly events within the period, most important first
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            anchors.add(new Anchor("agora", year, null));
            anchors.add(new Anchor("festival", year, null));
            anchors.add(new Anchor("ag", year, null));
        }
        for (String country : COUNTRY_NAMES.keySet()) {
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                anchors.add(new Anchor("groupe", year, country));
            }
        }
    }

    /** The period the events fall in: from a year ago to eighteen months ahead. */
    LocalDate first() {
        return first;
    }

    LocalDate last() {
        return last;
    }

    /**
     * Event number {@code n}, or null when that number falls outside the period (a yearly event
     * of a year whose date is out of it): callers skip it.
     */
    DemoEvent event(long n) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + n * 0xD1B54A32D192ED03L + 0x2545F4914F6CDD1DL);
        int countryGroups = COUNTRY_NAMES.size() * (last.getYear() - first.getYear() + 1);
        int yearly = anchors.size() - countryGroups;
        // yearly events first, then one country group per country and year, spread among the others
        if (n < yearly) {
            return anchor(anchors.get((int) n), r);
        }
        if (n >= 40 && (n - 40) % 25 == 0 && (n - 40) / 25 < countryGroups) {
            return anchor(anchors.get(yearly + (int) ((n - 40) / 25)), r);
        }
        double x = r.nextDouble();
        if (x < 0.22) {
            return training(r);
        }
        if (x < 0.47) {
            return workshop(r);
        }
        if (x < 0.62) {
            return webinar(r);
        }
        if (x < 0.70) {
            return departmentalMeeting(r);
        }
        return memberEvent(r);
    }

    // ------------------------------------------------------------------ the yearly events

    private DemoEvent anchor(Anchor a, SplittableRandom r) {
        return switch (a.kind()) {
            case "agora" -> agora(a.year(), r);
            case "festival" -> festival(a.year(), r);
            case "ag" -> generalAssembly(a.year(), r);
            default -> countryGroup(a.year(), a.country(), r);
        };
    }

    /** The multi-actor day: a Saturday of early October, an Agora of six parallel workshops and the Tribune des projets. */
    private DemoEvent agora(int year, SplittableRandom r) {
        LocalDate day = LocalDate.of(year, 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (outside(day)) {
            return null;
        }
        LocalDateTime start = day.atTime(9, 0);
        LocalDateTime end = day.atTime(17, 30);
        List<EventData.SessionData> sessions = new ArrayList<>();
        List<String> topics = shuffled(AGORA_WORKSHOPS, r);
        for (int i = 0; i < 6; i++) {
            sessions.add(new EventData.SessionData(null, "Atelier " + (i + 1) + " : " + topics.get(i),
                    "Un atelier de l’Agora : témoignages de deux structures, puis échanges en petits groupes.",
                    day.atTime(10, 0), day.atTime(12, 0), "Salle " + (char) ('A' + i), "Animé par des membres du réseau",
                    25 + 5 * r.nextInt(4)));
        }
        sessions.add(new EventData.SessionData(null, "Tribune des projets", "Cinq porteurs de projet présentent leur action en sept minutes.",
                day.atTime(14, 0), day.atTime(16, 0), "Amphithéâtre", null, null));
        DemoGenerator.Commune c = capital;
        EventData d = new EventData(EventType.AGORA, "Journée multi-acteurs " + year + " : Agora des projets",
                "La rencontre annuelle des acteurs de la coopération et de la solidarité internationale de la région.",
                "Une journée pour se rencontrer, partager ses projets et construire des partenariats.\n\n"
                        + "- **matin** : l’Agora, six ateliers en parallèle (choisissez le vôtre à l’inscription)\n"
                        + "- **après-midi** : la Tribune des projets, puis un temps convivial",
                false, start, end, null, EventFormat.IN_PERSON, "Palais des congrès", "2 avenue de la Coopération",
                c.postalCode(), c.name(), c.latitude(), c.longitude(), null, List.of(), Set.of("ecsi", "gouvernance-locale"), Set.of(),
                "Tous les acteurs de la région", true, null, "Salles de plain-pied, boucle magnétique dans l’amphithéâtre.", List.of(),
                null, new EventData.RegistrationSettings(RegistrationMode.OPEN, null, start.minusDays(7), 150, true, true),
                sessions, List.of(new EventData.QuestionData(null, "Régime alimentaire", fr.maillage.agenda.QuestionKind.CHOICE,
                        "Aucun\nVégétarien\nSans porc\nSans gluten", false)));
        return published(d, r, report(day, "Compte rendu de la journée : 140 participants, six ateliers, douze projets présentés."));
    }

    /** The festival of the solidarity week: nine days from the third Friday of November, all day. */
    private DemoEvent festival(int year, SplittableRandom r) {
        LocalDate from = LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.FRIDAY));
        if (outside(from)) {
            return null;
        }
        EventData d = new EventData(EventType.FESTIVAL, "Festival des solidarités " + year,
                "Deux semaines d’animations partout dans la région pour parler de solidarité internationale.",
                "Projections, débats, concerts, marchés solidaires, interventions dans les écoles : le programme complet est en ligne.",
                true, from.atStartOfDay(), from.plusDays(8).atStartOfDay(), null, EventFormat.IN_PERSON, null, null,
                capital.postalCode(), capital.name(), capital.latitude(), capital.longitude(), null, List.of(),
                Set.of("ecsi", "culture-patrimoine"), Set.of(), "Tout public", true, null, null, List.of(), null,
                EventData.RegistrationSettings.none(), List.of(), List.of());
        return published(d, r, null);
    }

    /** The general assembly: a Saturday of mid-June, the afternoon, for members. */
    private DemoEvent generalAssembly(int year, SplittableRandom r) {
        LocalDate day = LocalDate.of(year, 6, 10).with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
        if (outside(day)) {
            return null;
        }
        LocalDateTime start = day.atTime(14, 0);
        EventData d = new EventData(EventType.GENERAL_ASSEMBLY, "Assemblée générale " + year + " du réseau",
                "Rapport d’activité, comptes, orientations et élection du conseil d’administration.",
                "Les adhérents votent ; chacun est bienvenu. Ordre du jour et documents envoyés trois semaines avant.",
                false, start, day.atTime(17, 30), null, EventFormat.HYBRID, "Maison des associations", "12 rue du Palais",
                capital.postalCode(), capital.name(), capital.latitude(), capital.longitude(), "https://visio.exemple.org/ag-" + year,
                List.of(), Set.of(), Set.of(), "Adhérents du réseau", true, null, null, List.of(), null,
                new EventData.RegistrationSettings(RegistrationMode.OPEN, null, start.minusDays(3), null, true, true), List.of(), List.of());
        return published(d, r, report(day, "Procès-verbal de l’assemblée générale : rapport moral et financier approuvés."));
    }

    /** A country group: the year's monthly meetings from September to June (no meeting in December), 18:00 to 20:00. */
    private DemoEvent countryGroup(int year, String country, SplittableRandom r) {
        LocalDate firstMeeting = LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.TUESDAY))
                .plusWeeks(COUNTRY_NAMES.keySet().stream().toList().indexOf(country) % 4);
        LocalDate lastDay = LocalDate.of(year + 1, 6, 30);
        while (firstMeeting.isBefore(first) || firstMeeting.getMonthValue() == 12) {
            firstMeeting = firstMeeting.plusMonths(1); // a season under way: from its first meeting of the period
        }
        if (lastDay.isBefore(firstMeeting) || firstMeeting.isAfter(last)) {
            return null;
        }
        // monthly on the same day of the month (Recurrence's and RFC 5545's monthly rule), no meeting in December
        LocalDate december = LocalDate.of(year, 12, firstMeeting.getDayOfMonth());
        DemoGenerator.Commune c = homeCommunes.get(Math.floorMod((int) (seed + country.hashCode()), homeCommunes.size()));
        String name = COUNTRY_NAMES.get(country);
        EventData d = new EventData(EventType.COUNTRY_GROUP, "Groupe pays " + name + " " + year + "-" + (year + 1),
                "Les structures qui agissent au " + name + " se retrouvent chaque mois.",
                "Tour de table des projets, actualité du pays, préparation d’actions communes. Ouvert à toutes les structures intéressées.",
                false, firstMeeting.atTime(18, 0), firstMeeting.atTime(20, 0),
                new EventData.Repeat(RepeatFrequency.MONTHLY, 1, lastDay, null, List.of(december)),
                EventFormat.HYBRID, "Maison des solidarités", null, c.postalCode(), c.name(), c.latitude(), c.longitude(),
                "https://visio.exemple.org/groupe-" + country.toLowerCase(java.util.Locale.ROOT), List.of(), Set.of(), Set.of(country),
                "Structures agissant au " + name, true, null, null, List.of(), null, EventData.RegistrationSettings.none(), List.of(),
                List.of());
        return published(d, r, null);
    }

    // ------------------------------------------------------------------ the mix

    private DemoEvent training(SplittableRandom r) {
        Module m = MODULES.get(r.nextInt(MODULES.size()));
        LocalDate day = weekday(r);
        boolean online = r.nextDouble() < 0.3;
        boolean twoDays = m.data().durationHours().compareTo(new BigDecimal("10")) > 0;
        LocalDateTime start = day.atTime(9, 30);
        LocalDateTime end = (twoDays ? nextWeekday(day) : day).atTime(online ? 12 : 17, 0);
        if (online) {
            end = day.atTime(12, 30);
        }
        DemoGenerator.Commune c = r.nextDouble() < 0.6 ? capital : communePicker.pick(r);
        StringBuilder description = new StringBuilder(m.data().objectives());
        if (m.data().prerequisites() != null) {
            description.append("\n\n").append(m.data().prerequisites());
        }
        EventData d = new EventData(EventType.TRAINING, m.data().title(), m.data().summary(), description.toString(), false, start, end,
                null, online ? EventFormat.ONLINE : EventFormat.IN_PERSON, online ? null : "Locaux du réseau", null,
                online ? null : c.postalCode(), online ? null : c.name(), online ? null : c.latitude(), online ? null : c.longitude(),
                online ? "https://visio.exemple.org/formation-" + m.key() : null, List.of(), m.data().themes(), Set.of(),
                m.data().audience(), r.nextDouble() < 0.8, null, null, List.of(), moduleIds.get(m.key()),
                new EventData.RegistrationSettings(RegistrationMode.OPEN, null, start.minusDays(7), 12 + r.nextInt(9), true, true),
                List.of(), List.of());
        if (!d.free()) {
            d = withPrice(d, "30 €, gratuit pour les adhérents");
        }
        return published(d, r, null);
    }

    private DemoEvent workshop(SplittableRandom r) {
        String topic = WORKSHOP_TOPICS.get(r.nextInt(WORKSHOP_TOPICS.size()));
        LocalDate day = weekday(r);
        boolean morning = r.nextBoolean();
        LocalDateTime start = day.atTime(morning ? 9 : 14, morning ? 30 : 0);
        DemoGenerator.Commune c = communePicker.pick(r);
        Organiser o = organiser(r, c);
        boolean open = r.nextDouble() < 0.7;
        EventData d = new EventData(EventType.WORKSHOP, "Atelier collectif : " + topic, "Un atelier d’échange de pratiques entre membres du réseau.",
                "Deux témoignages, puis un travail en petits groupes et une synthèse.", false, start, start.plusHours(3), null,
                EventFormat.IN_PERSON, o != null ? o.name() : "Maison des associations", null, place(o, c).postalCode(), place(o, c).name(),
                place(o, c).latitude(), place(o, c).longitude(), null, o == null ? List.of() : List.of(o.id()), themes(o, r), Set.of(),
                "Membres du réseau", true, null, null, List.of(), null,
                open ? new EventData.RegistrationSettings(RegistrationMode.OPEN, null, null, 15 + 5 * r.nextInt(4), true, true)
                        : EventData.RegistrationSettings.none(), List.of(), List.of());
        return published(d, r, null);
    }

    private DemoEvent webinar(SplittableRandom r) {
        String topic = WEBINAR_TOPICS.get(r.nextInt(WEBINAR_TOPICS.size()));
        LocalDate day = weekday(r);
        LocalDateTime start = day.atTime(r.nextBoolean() ? 12 : 18, r.nextBoolean() ? 0 : 30);
        EventData d = new EventData(EventType.WEBINAR, "Webinaire : " + topic, "Une heure et demie en ligne, questions comprises.",
                "Le lien de connexion est envoyé aux inscrits la veille.", false, start, start.plusMinutes(90), null, EventFormat.ONLINE,
                null, null, null, null, null, null, "https://visio.exemple.org/webinaire-" + r.nextInt(1000), List.of(),
                Set.of(pickTheme(r)), Set.of(), "Tout public", true, null, null, List.of(), null,
                new EventData.RegistrationSettings(RegistrationMode.OPEN, null, null, null, true, false), List.of(), List.of());
        return published(d, r, null);
    }

    private DemoEvent departmentalMeeting(SplittableRandom r) {
        DemoGenerator.Commune c = communePicker.pick(r);
        LocalDate day = weekday(r);
        LocalDateTime start = day.atTime(9, 30);
        EventData d = new EventData(EventType.REGIONAL_MEETING, "Rencontre des acteurs de la solidarité internationale à " + c.name(),
                "Une matinée pour mieux se connaître entre structures du territoire.",
                "Présentation du réseau et de ses services, tour de table, ateliers d’interconnaissance, déjeuner partagé.",
                false, start, day.atTime(13, 30), null, EventFormat.IN_PERSON, "Salle des fêtes", null, c.postalCode(), c.name(),
                c.latitude(), c.longitude(), null, List.of(), Set.of(), Set.of(), "Associations, collectivités, établissements", true, null,
                null, List.of(), null, new EventData.RegistrationSettings(RegistrationMode.OPEN, null, start.minusDays(2), 40 + 10 * r.nextInt(8),
                        true, true), List.of(), List.of());
        return published(d, r, report(day, "Synthèse de la rencontre et liste des structures présentes."));
    }

    private DemoEvent memberEvent(SplittableRandom r) {
        DemoGenerator.Commune c = communePicker.pick(r);
        Organiser o = organiser(r, c);
        String country = o != null && !o.countries().isEmpty() ? o.countries().get(r.nextInt(o.countries().size()))
                : COUNTRY_NAMES.keySet().stream().toList().get(r.nextInt(COUNTRY_NAMES.size()));
        String countryName = COUNTRY_NAMES.getOrDefault(country, "l’Afrique de l’Ouest");
        String title = MEMBER_FORMATS.get(r.nextInt(MEMBER_FORMATS.size())).replace("{c}", countryName)
                .replace("{city}", place(o, c).name()).replace("{org}", o != null ? o.name() : "l’association");
        LocalDate day = r.nextDouble() < 0.3 ? LocalDate.ofEpochDay(r.nextLong(first.toEpochDay(), last.toEpochDay()))
                .with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY)) : weekday(r);
        if (day.isAfter(last)) {
            day = day.minusWeeks(1);
        }
        boolean evening = r.nextDouble() < 0.6;
        LocalDateTime start = day.atTime(evening ? 19 : 14, evening ? 0 : 30);
        boolean november = day.getMonthValue() == 11;
        Set<String> countries = COUNTRY_NAMES.containsKey(country) ? Set.of(country) : Set.of();
        EventData d = new EventData(november && r.nextBoolean() ? EventType.FESTIVAL : EventType.OTHER, title,
                "Organisé par " + (o != null ? o.name() : "une association membre") + ".",
                "Entrée libre. Venez découvrir nos actions et rencontrer nos partenaires.", false, start,
                start.plusHours(evening ? 2 : 3), null, EventFormat.IN_PERSON, "Salle municipale", null, place(o, c).postalCode(),
                place(o, c).name(), place(o, c).latitude(), place(o, c).longitude(), null, o == null ? List.of() : List.of(o.id()),
                themes(o, r), countries, "Tout public", r.nextDouble() < 0.85, null, "Accessible en fauteuil roulant.", List.of(), null,
                EventData.RegistrationSettings.none(), List.of(), List.of());
        if (!d.free()) {
            d = withPrice(d, "Participation libre, 5 € conseillés");
        }
        // members' proposals: a few wait for moderation, a few were refused, a few cancelled
        double x = r.nextDouble();
        Instant created = createdAt(d.start(), r);
        if (o != null && x < 0.015 && !d.start().toLocalDate().isBefore(today)) {
            return new DemoEvent(d, EventStatus.PENDING, created, null, null);
        }
        if (o != null && x < 0.02) {
            return new DemoEvent(d, EventStatus.REFUSED, created, null, "Cet événement ne relève pas de la solidarité internationale.");
        }
        if (x < 0.045) {
            return new DemoEvent(d, EventStatus.CANCELLED, created, null, "Annulé faute de salle disponible.");
        }
        return new DemoEvent(d, EventStatus.PUBLISHED, created, null, null);
    }

    // ------------------------------------------------------------------ helpers

    private DemoEvent published(EventData d, SplittableRandom r, String report) {
        return new DemoEvent(d, EventStatus.PUBLISHED, createdAt(d.start(), r), d.start().toLocalDate().isBefore(today) ? report : null, null);
    }

    private String report(LocalDate day, String text) {
        return day.isBefore(today) ? text : null;
    }

    /** Created one to three months before the start, never after now. */
    private Instant createdAt(LocalDateTime start, SplittableRandom r) {
        Instant at = start.atZone(PARIS).toInstant().minus(14 + r.nextInt(76), ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        return at.isAfter(now) ? now.minus(1 + r.nextInt(30), ChronoUnit.DAYS) : at;
    }

    private boolean outside(LocalDate day) {
        return day.isBefore(first) || day.isAfter(last);
    }

    /** A working day (Monday to Friday, Tuesdays and Thursdays more often) of the period. */
    private LocalDate weekday(SplittableRandom r) {
        LocalDate d = LocalDate.ofEpochDay(r.nextLong(first.toEpochDay(), last.toEpochDay() + 1));
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                || (d.getMonthValue() == 8 && d.getDayOfMonth() < 25) || (d.getMonthValue() == 12 && d.getDayOfMonth() > 20)) {
            d = d.plusDays(1 + r.nextInt(3));
        }
        return d.isAfter(last) ? d.minusWeeks(2) : d;
    }

    private static LocalDate nextWeekday(LocalDate d) {
        LocalDate n = d.plusDays(1);
        while (n.getDayOfWeek() == DayOfWeek.SATURDAY || n.getDayOfWeek() == DayOfWeek.SUNDAY) {
            n = n.plusDays(1);
        }
        return n;
    }

    /** A demo structure near this commune's département (or anywhere), or none when there are no demo structures. */
    private Organiser organiser(SplittableRandom r, DemoGenerator.Commune near) {
        if (organisers.isEmpty()) {
            return null;
        }
        for (int i = 0; i < 8; i++) {
            Organiser o = organisers.get(r.nextInt(organisers.size()));
            if (near.departement().equals(o.departement())) {
                return o;
            }
        }
        Organiser o = organisers.get(r.nextInt(organisers.size()));
        return o.postalCode() != null && o.city() != null ? o : null;
    }

    /** Where an organiser's event takes place: its own town when known, else the commune. */
    private static DemoGenerator.Commune place(Organiser o, DemoGenerator.Commune c) {
        if (o == null || o.postalCode() == null || o.city() == null || !o.postalCode().matches("\\d{5}")) {
            return c;
        }
        return new DemoGenerator.Commune(o.postalCode(), o.city(), o.departement(),
                o.latitude() == null ? c.latitude() : o.latitude(), o.longitude() == null ? c.longitude() : o.longitude(), 1);
    }

    private Set<String> themes(Organiser o, SplittableRandom r) {
        if (o != null && !o.themes().isEmpty()) {
            return Set.of(o.themes().get(r.nextInt(o.themes().size())));
        }
        return Set.of(pickTheme(r));
    }

    private static String pickTheme(SplittableRandom r) {
        List<String> themes = DemoVocabulary.THEME_WEIGHTS.keySet().stream().toList();
        return themes.get(r.nextInt(themes.size()));
    }

    private static EventData withPrice(EventData d, String price) {
        return new EventData(d.type(), d.title(), d.summary(), d.description(), d.allDay(), d.start(), d.end(), d.repeat(), d.format(),
                d.venueName(), d.street(), d.postalCode(), d.city(), d.latitude(), d.longitude(), d.onlineUrl(), d.organisationIds(),
                d.themes(), d.countries(), d.audience(), false, price, d.accessibility(), d.documents(), d.trainingModuleId(),
                d.registration(), d.sessions(), d.questions());
    }

    private static <T> List<T> shuffled(List<T> list, SplittableRandom r) {
        List<T> out = new ArrayList<>(list);
        for (int i = out.size() - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            T t = out.get(i);
            out.set(i, out.get(j));
            out.set(j, t);
        }
        return out;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }
}
