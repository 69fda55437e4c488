package fr.maillage.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words the demo generator composes structures from. Weights follow what French
 * cooperation actors report in the regional networks' barometers (countries, themes, types of
 * structure); they are orders of magnitude, not statistics.
 */
final class DemoVocabulary {

    private DemoVocabulary() {
    }

    /** Structure types and their share of a regional network's directory. */
    static final Map<String, Double> TYPE_WEIGHTS = ordered(
            "association", 62.0, "collectivite", 11.0, "etablissement-scolaire", 6.0, "entreprise", 5.0,
            "ess", 3.0, "enseignement-superieur", 3.0, "reseau", 2.5, "sante", 2.0, "fondation", 2.0,
            "etat", 1.5, "autre", 2.0);

    /** Countries of intervention, weighted like French cooperation actors' (ISO alpha-2). */
    static final Map<String, Double> COUNTRY_WEIGHTS = ordered(
            "SN", 14.0, "MG", 12.0, "BF", 10.0, "ML", 6.0, "MA", 6.0, "CM", 6.0, "BJ", 6.0, "HT", 5.0,
            "TG", 5.0, "VN", 4.0, "NE", 4.0, "CI", 4.0, "TN", 3.0, "GN", 3.0, "PS", 3.0, "LB", 3.0,
            "KH", 3.0, "CD", 3.0, "TD", 2.0, "MR", 2.0, "KM", 2.0, "CG", 2.0, "DZ", 2.0, "IN", 2.0,
            "UA", 2.0, "GA", 1.5, "BR", 1.5, "PE", 1.5, "NP", 1.5, "BO", 1.0, "NI", 1.0, "CO", 1.0,
            "LA", 1.0, "AM", 1.0, "RO", 1.0, "MX", 1.0, "KE", 1.0, "ET", 1.0, "RW", 1.0, "BI", 1.0,
            "CV", 1.0, "CF", 1.0, "SY", 1.0, "AF", 1.0, "CL", 0.5, "EC", 0.5, "GT", 0.5, "CU", 0.5,
            "UG", 0.5, "TZ", 0.5, "GH", 0.5, "NG", 0.5, "GW", 0.5, "GM", 0.5, "DJ", 0.5, "SD", 0.5,
            "IQ", 0.5, "MM", 0.5, "TH", 0.5, "PH", 0.5, "ID", 0.5, "CN", 0.5, "JO", 0.5, "EG", 0.5,
            "TR", 0.5, "MZ", 0.5, "ZA", 0.5, "MU", 0.5, "LK", 0.5, "BD", 0.5, "MD", 0.5, "GE", 0.5,
            "DE", 0.5, "ES", 0.5, "IT", 0.5, "BE", 0.5, "CA", 0.5, "SL", 0.3, "LR", 0.3, "SO", 0.3,
            "MN", 0.3, "AO", 0.3, "PY", 0.3, "AR", 0.3, "VU", 0.3, "PK", 0.3, "AL", 0.3, "BA", 0.3,
            "PL", 0.3, "PT", 0.3, "US", 0.3, "GB", 0.3, "SC", 0.2, "XK", 0.2, "RS", 0.2, "DO", 0.3,
            "SV", 0.2, "HN", 0.2, "GQ", 0.2, "ST", 0.2, "ZW", 0.2, "MW", 0.2, "ZM", 0.2, "NA", 0.1);

    /** Themes, weighted like the barometers (education, health, water, agriculture, ECSI, economy first). */
    static final Map<String, Double> THEME_WEIGHTS = ordered(
            "education-formation", 16.0, "sante", 14.0, "agriculture-alimentation", 11.0, "eau-assainissement", 10.0,
            "ecsi", 10.0, "economie-emploi", 10.0, "environnement-climat", 6.0, "culture-patrimoine", 6.0,
            "jeunesse-mobilite", 6.0, "genre", 4.0, "gouvernance-locale", 4.0, "humanitaire-urgence", 4.0,
            "materiel-solidaire", 4.0, "droits-humains-paix", 3.0, "energie", 3.0, "migrations", 3.0,
            "commerce-equitable-tourisme", 3.0, "urbain-habitat", 2.0);

    /** Themes a type of structure favours (multiplies the weight). */
    static final Map<String, Map<String, Double>> THEME_BIAS = Map.of(
            "collectivite", Map.of("gouvernance-locale", 8.0, "eau-assainissement", 2.0, "culture-patrimoine", 2.0, "jeunesse-mobilite", 2.0),
            "sante", Map.of("sante", 20.0, "humanitaire-urgence", 2.0),
            "etablissement-scolaire", Map.of("ecsi", 5.0, "education-formation", 3.0, "jeunesse-mobilite", 4.0),
            "enseignement-superieur", Map.of("education-formation", 4.0, "jeunesse-mobilite", 3.0, "agriculture-alimentation", 2.0),
            "entreprise", Map.of("economie-emploi", 5.0, "energie", 5.0, "eau-assainissement", 2.0, "commerce-equitable-tourisme", 3.0),
            "ess", Map.of("economie-emploi", 5.0, "commerce-equitable-tourisme", 6.0),
            "reseau", Map.of("ecsi", 3.0, "migrations", 3.0),
            "etat", Map.of("gouvernance-locale", 4.0, "agriculture-alimentation", 3.0, "economie-emploi", 2.0));

    /** Cities and regions of the main countries, for the optional place of intervention. */
    static final Map<String, List<String>> PLACES = Map.ofEntries(
            Map.entry("SN", List.of("Saint-Louis", "Ziguinchor", "Thiès", "Kaolack", "Dakar", "Podor", "Matam", "Kédougou", "Louga", "Fatick", "Tambacounda")),
            Map.entry("MG", List.of("Antananarivo", "Fianarantsoa", "Toamasina", "Mahajanga", "Antsirabe", "Toliara", "Antsiranana", "Morondava", "Ambositra", "Manakara")),
            Map.entry("BF", List.of("Ouagadougou", "Bobo-Dioulasso", "Koudougou", "Ouahigouya", "Fada N'Gourma", "Kaya", "Tenkodogo", "Dédougou", "Gaoua")),
            Map.entry("ML", List.of("Bamako", "Kayes", "Ségou", "Mopti", "Sikasso", "Tombouctou", "Koulikoro")),
            Map.entry("MA", List.of("Marrakech", "Agadir", "Fès", "Ouarzazate", "Rabat", "Essaouira", "Tanger")),
            Map.entry("CM", List.of("Douala", "Yaoundé", "Bafoussam", "Garoua", "Maroua", "Dschang", "Bamenda")),
            Map.entry("BJ", List.of("Cotonou", "Porto-Novo", "Abomey", "Parakou", "Natitingou", "Ouidah", "Djougou")),
            Map.entry("HT", List.of("Port-au-Prince", "Jacmel", "Cap-Haïtien", "Les Cayes", "Gonaïves", "Jérémie")),
            Map.entry("VN", List.of("Hanoï", "Hué", "Hô Chi Minh-Ville", "Da Nang", "Lào Cai", "Cân Tho")),
            Map.entry("TG", List.of("Lomé", "Kara", "Sokodé", "Kpalimé", "Atakpamé", "Dapaong")),
            Map.entry("NE", List.of("Niamey", "Zinder", "Maradi", "Agadez", "Tahoua", "Dosso")),
            Map.entry("CI", List.of("Abidjan", "Bouaké", "Yamoussoukro", "Korhogo", "San-Pédro", "Man")),
            Map.entry("TN", List.of("Tunis", "Sfax", "Sousse", "Kairouan", "Gafsa", "Bizerte")),
            Map.entry("GN", List.of("Conakry", "Kindia", "Labé", "Kankan", "Nzérékoré")),
            Map.entry("PS", List.of("Ramallah", "Naplouse", "Bethléem", "Hébron", "Gaza", "Jéricho")),
            Map.entry("LB", List.of("Beyrouth", "Tripoli", "Saïda", "Tyr", "Zahlé")),
            Map.entry("KH", List.of("Phnom Penh", "Siem Reap", "Battambang", "Kampot")),
            Map.entry("CD", List.of("Kinshasa", "Goma", "Bukavu", "Lubumbashi", "Kisangani")),
            Map.entry("TD", List.of("N'Djamena", "Moundou", "Abéché", "Sarh")),
            Map.entry("MR", List.of("Nouakchott", "Nouadhibou", "Kaédi", "Sélibaby", "Rosso")),
            Map.entry("KM", List.of("Moroni", "Mutsamudu", "Fomboni", "Grande Comore", "Anjouan", "Mohéli")),
            Map.entry("CG", List.of("Brazzaville", "Pointe-Noire", "Dolisie")),
            Map.entry("DZ", List.of("Alger", "Oran", "Constantine", "Tlemcen")),
            Map.entry("IN", List.of("Pondichéry", "Calcutta", "Chennai", "Bangalore")),
            Map.entry("UA", List.of("Kyiv", "Lviv", "Odessa", "Kharkiv")),
            Map.entry("PE", List.of("Lima", "Cuzco", "Arequipa")),
            Map.entry("BR", List.of("Recife", "São Paulo", "Salvador de Bahia", "Belém")));

    /** "au Sénégal", "à Madagascar", "en Haïti": the preposition of the main countries. */
    static final Map<String, String> IN_COUNTRY = Map.ofEntries(
            Map.entry("SN", "au Sénégal"), Map.entry("MG", "à Madagascar"), Map.entry("BF", "au Burkina Faso"),
            Map.entry("ML", "au Mali"), Map.entry("MA", "au Maroc"), Map.entry("CM", "au Cameroun"),
            Map.entry("BJ", "au Bénin"), Map.entry("HT", "en Haïti"), Map.entry("TG", "au Togo"),
            Map.entry("VN", "au Vietnam"), Map.entry("NE", "au Niger"), Map.entry("CI", "en Côte d'Ivoire"),
            Map.entry("TN", "en Tunisie"), Map.entry("GN", "en Guinée"), Map.entry("PS", "en Palestine"),
            Map.entry("LB", "au Liban"), Map.entry("KH", "au Cambodge"), Map.entry("CD", "en République démocratique du Congo"),
            Map.entry("TD", "au Tchad"), Map.entry("MR", "en Mauritanie"), Map.entry("KM", "aux Comores"),
            Map.entry("CG", "au Congo"), Map.entry("DZ", "en Algérie"), Map.entry("IN", "en Inde"),
            Map.entry("UA", "en Ukraine"), Map.entry("GA", "au Gabon"), Map.entry("BR", "au Brésil"),
            Map.entry("PE", "au Pérou"), Map.entry("NP", "au Népal"), Map.entry("BO", "en Bolivie"),
            Map.entry("NI", "au Nicaragua"), Map.entry("CO", "en Colombie"), Map.entry("LA", "au Laos"),
            Map.entry("AM", "en Arménie"), Map.entry("RO", "en Roumanie"), Map.entry("MX", "au Mexique"),
            Map.entry("KE", "au Kenya"), Map.entry("ET", "en Éthiopie"), Map.entry("RW", "au Rwanda"),
            Map.entry("BI", "au Burundi"), Map.entry("CV", "au Cap-Vert"), Map.entry("CF", "en Centrafrique"),
            Map.entry("SY", "en Syrie"), Map.entry("AF", "en Afghanistan"));

    /** "Association des Sénégalais de Bordeaux". */
    static final Map<String, String> DEMONYMS = Map.ofEntries(
            Map.entry("SN", "Sénégalais"), Map.entry("MG", "Malgaches"), Map.entry("BF", "Burkinabè"),
            Map.entry("ML", "Maliens"), Map.entry("MA", "Marocains"), Map.entry("CM", "Camerounais"),
            Map.entry("BJ", "Béninois"), Map.entry("HT", "Haïtiens"), Map.entry("TG", "Togolais"),
            Map.entry("VN", "Vietnamiens"), Map.entry("CI", "Ivoiriens"), Map.entry("GN", "Guinéens"),
            Map.entry("KM", "Comoriens"), Map.entry("CD", "Congolais"), Map.entry("MR", "Mauritaniens"),
            Map.entry("TN", "Tunisiens"), Map.entry("KH", "Cambodgiens"), Map.entry("LB", "Libanais"));

    /** Short country words used in association names ("Solidarité Burkina"). */
    static final Map<String, String> SHORT_COUNTRY = Map.of(
            "BF", "Burkina", "CD", "Congo", "CG", "Congo", "CI", "Côte d'Ivoire", "CF", "Centrafrique", "PS", "Palestine");

    static final List<String> SOLIDARITY_WORDS = List.of("Solidarité", "Entraide", "Amitié", "Partage", "Coopération", "Échanges", "Fraternité", "Espoir");

    /** Association name patterns; {c} country, {cs} short country, {p} place, {t} commune, {d} département, {dm} demonym. */
    /**
     * Association name patterns: {c} country, {cs} short country, {of} "du Sénégal"/"de Kaolack",
     * {for} "le Sénégal"/"Kaolack", {pl} a place, {t} commune, {det} "de Pessac", {d} département,
     * {dm} demonym, {w} solidarity word. Patterns naming a country are used for the main countries only.
     */
    static final List<String> ASSOCIATION_PATTERNS = List.of(
            "Association {w} {cs} {d}",
            "Les Amis {of}",
            "Les Amis {of} – {t}",
            "{t} {w} {cs}",
            "Comité de jumelage {det} – {pl}",
            "Association des {dm} {det}",
            "Enfants {of}",
            "Des puits pour {for}",
            "Écoles pour {for}",
            "Santé {cs} {d}",
            "Agir pour {for}",
            "Terre d'espoir {t}",
            "Horizons {cs}",
            "Un toit pour {for}",
            "Cœur {of}",
            "Aide médicale {cs} {t}",
            "Éducation sans frontières {d}",
            "Les Jardins {of}",
            "Association {w} {t} – {pl}",
            "Graines d'avenir {cs}",
            "Tissons la solidarité {t}",
            "Livres pour {for}",
            "Ensemble pour {for}",
            "{w} Nord-Sud {t}",
            "Médecins solidaires {d}",
            "Femmes solidaires {t}",
            "Vélos pour {for}",
            "Maison de l'Afrique {det}",
            "Ingénieurs solidaires {d}",
            "Amitiés {t} {cs}",
            "{t} {w} Internationale",
            "Les Ponts {of}",
            "Sourires {of}",
            "Association {w} {for} {t}");

    /** Association name patterns that name no country. */
    static final List<String> ASSOCIATION_PATTERNS_NO_COUNTRY = List.of(
            "Terre d'espoir {t}", "Tissons la solidarité {t}", "{w} Nord-Sud {t}", "Médecins solidaires {d}",
            "Ingénieurs solidaires {d}", "Éducation sans frontières {d}", "Femmes solidaires {t}", "{t} {w} Internationale",
            "Association {w} Monde {t}");

    static final List<String> SCHOOL_PEOPLE = List.of(
            "Victor-Hugo", "Jean-Moulin", "Jules-Ferry", "Montesquieu", "Michel-Montaigne", "François-Mauriac",
            "Camille-Jullian", "Gustave-Eiffel", "Marie-Curie", "Louise-Michel", "Jean-Jaurès", "Condorcet",
            "Voltaire", "Albert-Camus", "Simone-Veil", "Léopold-Sédar-Senghor", "Aimé-Césaire", "Nelson-Mandela",
            "Toussaint-Louverture", "Pierre-Mendès-France", "Jacques-Prévert", "George-Sand", "Jean-Monnet",
            "Paul-Éluard", "Antoine-de-Saint-Exupéry", "Olympe-de-Gouges", "Gisèle-Halimi", "Théodore-Monod");

    static final List<String> SCHOOL_KINDS = List.of("Lycée", "Lycée", "Lycée professionnel", "Lycée agricole", "Collège", "Collège", "École élémentaire");

    static final List<String> SURNAMES = List.of(
            "Martin", "Bernard", "Dubois", "Durand", "Lefebvre", "Moreau", "Laurent", "Garcia", "Roux", "Fournier",
            "Lambert", "Bonnet", "Mercier", "Dupuy", "Lacoste", "Darrieussecq", "Etcheverry", "Labat", "Castaing",
            "Diallo", "Ndiaye", "Rakoto", "Ouédraogo", "Traoré", "Nguyen", "Benali", "Haddad", "Le Gall", "Marchand");

    static final List<String> COMPANY_TRADES = List.of(
            "Hydraulique", "Ingénierie", "Conseil", "Énergies", "Solaire", "Agro", "Environnement", "Transports",
            "Bâtiment", "Numérique", "Forages", "Biomédical", "Traduction", "Voyages");

    static final List<String> COMPANY_FORMS = List.of("SAS", "SARL", "SA", "", "", "");

    static final List<String> ESS_PATTERNS = List.of(
            "Scop {s} {tr}", "SCIC {wd} {t}", "Coopérative {wd}", "Boutique solidaire de {t}", "Épicerie équitable de {t}",
            "Ressourcerie de {t}", "Chantier d'insertion {wd}");

    static final List<String> WORDS = List.of(
            "Baobab", "Karité", "Sahel", "Tamarin", "Colibri", "Passerelles", "Racines", "Horizon", "Boussole",
            "Kora", "Djembé", "Alizés", "Mangrove", "Ravinala", "Teranga", "Ubuntu", "Sankofa", "Harmattan");

    static final List<String> HEALTH_PATTERNS = List.of(
            "CHU de {big}", "Centre hospitalier de {t}", "Centre hospitalier de {t}", "Clinique {wd} de {t}",
            "Institut de santé publique de {big}", "Centre de santé {sp} de {t}");

    static final List<String> UNIVERSITY_PATTERNS = List.of(
            "Université de {big}", "IUT de {t}", "Laboratoire {acr} – Université de {big}", "École d'ingénieurs de {big}",
            "Institut d'études politiques de {big}", "École supérieure d'agronomie de {big}", "Institut de formation en soins infirmiers de {t}");

    static final List<String> STATE_PATTERNS = List.of(
            "Chambre d'agriculture {dd}", "Chambre de commerce et d'industrie de {big}", "Chambre de métiers et de l'artisanat {dd}",
            "Agence de l'eau – délégation de {t}", "Office de tourisme de {t}", "Direction départementale des territoires {dd}");

    static final List<String> NETWORK_PATTERNS = List.of(
            "Collectif {cs} {d}", "Plateforme {cs} {rg}", "Collectif {w} {d}", "Réseau des acteurs de l'eau {dd}", "Collectif des associations de solidarité de {t}",
            "Coordination {w} {d}");

    static final List<String> OTHER_PATTERNS = List.of(
            "Groupe scout de {t}", "Paroisse Saint-{saint} de {t}", "Club service de {t}", "Comité des fêtes de {t}",
            "Amicale des anciens volontaires {dd}", "Maison des jeunes et de la culture de {t}");

    static final List<String> SAINTS = List.of("Martin", "Pierre", "Jean", "Michel", "André", "Seurin", "Vincent", "Louis");

    static final List<String> STREETS = List.of(
            "rue Victor-Hugo", "avenue Jean-Jaurès", "place de la Mairie", "rue de la République", "cours Gambetta",
            "allée des Tilleuls", "rue du Général-de-Gaulle", "rue Pasteur", "avenue de la Libération", "rue des Écoles",
            "chemin du Moulin", "place de l'Église", "boulevard Voltaire", "rue Sainte-Catherine", "quai des Chartrons",
            "rue du Stade", "impasse des Lilas", "rue Jules-Ferry", "avenue Thiers", "rue Condorcet");

    /** Keywords by theme. */
    static final Map<String, List<String>> KEYWORDS = Map.ofEntries(
            Map.entry("sante", List.of("santé maternelle", "dispensaire", "formation des soignants", "médicaments", "nutrition", "paludisme", "chirurgie", "télémédecine")),
            Map.entry("education-formation", List.of("scolarisation", "alphabétisation", "bibliothèque", "formation professionnelle", "parrainage scolaire", "fournitures scolaires", "construction d'écoles")),
            Map.entry("eau-assainissement", List.of("forage", "puits", "latrines", "adduction d'eau", "gestion de l'eau", "hygiène", "potabilisation")),
            Map.entry("agriculture-alimentation", List.of("maraîchage", "agroécologie", "semences", "élevage", "irrigation", "sécurité alimentaire", "apiculture", "transformation agricole")),
            Map.entry("environnement-climat", List.of("reboisement", "biodiversité", "déchets", "adaptation au climat", "mangrove", "compost")),
            Map.entry("energie", List.of("énergie solaire", "électrification rurale", "foyers améliorés", "biogaz")),
            Map.entry("economie-emploi", List.of("microcrédit", "artisanat", "entrepreneuriat", "insertion professionnelle", "coopératives", "tourisme")),
            Map.entry("commerce-equitable-tourisme", List.of("commerce équitable", "tourisme solidaire", "café", "karité", "vanille")),
            Map.entry("culture-patrimoine", List.of("musée", "patrimoine", "musique", "théâtre", "francophonie", "festival", "lecture publique")),
            Map.entry("ecsi", List.of("sensibilisation", "animations scolaires", "Festival des solidarités", "citoyenneté", "interventions en classe")),
            Map.entry("gouvernance-locale", List.of("coopération décentralisée", "état civil", "appui institutionnel", "budget participatif", "intercommunalité")),
            Map.entry("droits-humains-paix", List.of("droits de l'enfant", "accès au droit", "médiation", "démocratie")),
            Map.entry("genre", List.of("égalité femmes-hommes", "groupements de femmes", "violences faites aux femmes", "autonomisation")),
            Map.entry("urbain-habitat", List.of("habitat", "construction", "urbanisme", "quartiers précaires")),
            Map.entry("humanitaire-urgence", List.of("urgence", "reconstruction", "réfugiés", "aide alimentaire")),
            Map.entry("migrations", List.of("codéveloppement", "diaspora", "accueil des migrants", "transferts de compétences")),
            Map.entry("jeunesse-mobilite", List.of("volontariat", "chantiers de jeunes", "service civique", "échanges scolaires", "mobilité internationale")),
            Map.entry("materiel-solidaire", List.of("collecte de matériel", "conteneur", "matériel médical", "ordinateurs", "vélos")));

    /** What a structure does, by theme, for descriptions (after "Nous menons des actions de"). */
    static final Map<String, List<String>> ACTIONS = Map.ofEntries(
            Map.entry("sante", List.of("soutien à un centre de santé communautaire", "formation de sages-femmes et d'infirmiers", "missions chirurgicales bénévoles", "prévention du paludisme")),
            Map.entry("education-formation", List.of("construction et équipement de salles de classe", "parrainage scolaire de plus de cent enfants", "création d'une bibliothèque villageoise", "formation d'enseignants")),
            Map.entry("eau-assainissement", List.of("réalisation de forages et de puits", "construction de latrines dans les écoles", "formation de comités de gestion de l'eau", "sensibilisation à l'hygiène")),
            Map.entry("agriculture-alimentation", List.of("appui à des groupements maraîchers", "formation à l'agroécologie", "création de banques de céréales", "installation de systèmes d'irrigation goutte-à-goutte")),
            Map.entry("environnement-climat", List.of("plantation d'arbres avec les écoles", "gestion des déchets ménagers", "protection de la mangrove")),
            Map.entry("energie", List.of("installation de panneaux solaires dans des dispensaires", "diffusion de foyers améliorés", "électrification de villages")),
            Map.entry("economie-emploi", List.of("accompagnement de porteurs de projets", "microcrédit pour des groupements de femmes", "formation aux métiers de l'artisanat")),
            Map.entry("commerce-equitable-tourisme", List.of("vente de produits équitables", "organisation de séjours de tourisme solidaire")),
            Map.entry("culture-patrimoine", List.of("échanges artistiques entre jeunes", "restauration d'un patrimoine bâti", "soutien à un festival de musique")),
            Map.entry("ecsi", List.of("animations dans les écoles et les collèges", "participation au Festival des solidarités", "expositions et ciné-débats")),
            Map.entry("gouvernance-locale", List.of("appui à la maîtrise d'ouvrage communale", "modernisation de l'état civil", "échanges entre élus et techniciens")),
            Map.entry("droits-humains-paix", List.of("accès au droit des plus vulnérables", "éducation à la paix")),
            Map.entry("genre", List.of("soutien aux groupements de femmes", "lutte contre les violences faites aux femmes")),
            Map.entry("urbain-habitat", List.of("amélioration de l'habitat", "aménagement de quartiers")),
            Map.entry("humanitaire-urgence", List.of("aide d'urgence après les catastrophes", "reconstruction d'écoles et de dispensaires")),
            Map.entry("migrations", List.of("projets portés par la diaspora", "accueil et accompagnement de personnes migrantes")),
            Map.entry("jeunesse-mobilite", List.of("chantiers internationaux de jeunes", "accueil de volontaires en service civique", "échanges scolaires")),
            Map.entry("materiel-solidaire", List.of("collecte et envoi de matériel médical et scolaire", "reconditionnement d'ordinateurs")));

    static final List<String> CLOSINGS = List.of(
            "Nous travaillons toujours avec des partenaires locaux, qui décident des priorités.",
            "Toutes nos actions sont menées avec les communautés, dans la durée.",
            "Nous accueillons volontiers de nouveaux bénévoles : **rejoignez-nous** !",
            "L'association est financée par les cotisations de ses membres, des dons et des subventions publiques.",
            "Nous rendons compte chaque année de nos actions lors de notre assemblée générale.",
            "Nos partenaires sont des associations, des communes et des services techniques du pays.",
            "");

    static Map<String, Double> ordered(Object... keyValues) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], (Double) keyValues[i + 1]);
        }
        return map;
    }
}
