package fr.maillage.demo;

import java.util.List;
import java.util.Map;

/**
 * The words demo projects are composed from: titles and objectives by theme, the DAC 5-digit
 * sectors each theme's projects report, local partners, funders and lessons learned, as French
 * cooperation actors write them. {@code {lieu}} is a place (a town of the country, or the
 * country with its preposition: "au Sénégal"), {@code {de}} the same after "de".
 */
final class DemoProjectVocabulary {

    private DemoProjectVocabulary() {
    }

    /** Project titles by theme. */
    static final Map<String, List<String>> TITLES = Map.ofEntries(
            Map.entry("eau-assainissement", List.of("Accès à l'eau potable {lieu}", "Forages et latrines dans les écoles {de}",
                    "Gestion durable du service de l'eau {lieu}", "Assainissement et hygiène dans les quartiers {de}",
                    "Bornes-fontaines et comités de gestion de l'eau {lieu}", "Réhabilitation du réseau d'eau {de}")),
            Map.entry("sante", List.of("Santé maternelle et infantile {lieu}", "Équipement du centre de santé {de}",
                    "Prévention du paludisme {lieu}", "Formation des sages-femmes {lieu}", "Soins dentaires itinérants {lieu}",
                    "Jumelage hospitalier avec le centre de santé {de}")),
            Map.entry("education-formation", List.of("Construction de salles de classe {lieu}", "Bibliothèque scolaire {de}",
                    "Formation professionnelle des jeunes {lieu}", "Alphabétisation des adultes {lieu}",
                    "Cantine scolaire et fournitures {lieu}", "Centre de formation aux métiers du bâtiment {de}")),
            Map.entry("agriculture-alimentation", List.of("Maraîchage agroécologique {lieu}", "Banque de céréales {de}",
                    "Transformation des produits agricoles {lieu}", "Périmètre irrigué des femmes {de}",
                    "Semences paysannes et sécurité alimentaire {lieu}", "Apiculture et agroforesterie {lieu}")),
            Map.entry("environnement-climat", List.of("Reboisement et lutte contre la désertification {lieu}",
                    "Gestion des déchets {de}", "Protection de la mangrove {de}", "Foyers améliorés et préservation du bois {lieu}",
                    "Éducation à l'environnement {lieu}")),
            Map.entry("energie", List.of("Électrification solaire du dispensaire {de}", "Pompes solaires {lieu}",
                    "Éclairage solaire des écoles {de}", "Mini-réseau solaire {lieu}")),
            Map.entry("economie-emploi", List.of("Microcrédit pour les femmes {de}", "Coopérative d'artisans {de}",
                    "Insertion professionnelle des jeunes {lieu}", "Appui aux petites entreprises {lieu}",
                    "Filière karité équitable {lieu}")),
            Map.entry("commerce-equitable-tourisme", List.of("Tourisme solidaire {lieu}", "Filière de café équitable {lieu}",
                    "Écotourisme villageois {lieu}", "Boutique équitable et artisanat {de}")),
            Map.entry("culture-patrimoine", List.of("Festival des cultures {de}", "Sauvegarde du patrimoine {de}",
                    "Centre culturel {de}", "Échanges artistiques avec {lieu_nu}", "Bibliothèque francophone {de}")),
            Map.entry("ecsi", List.of("Semaine de la solidarité internationale", "Éducation à la citoyenneté mondiale dans les collèges",
                    "Festival des solidarités", "Correspondances scolaires avec {lieu_nu}", "Exposition itinérante sur les ODD")),
            Map.entry("gouvernance-locale", List.of("Appui à la maîtrise d'ouvrage communale {de}", "Coopération décentralisée avec {lieu_nu}",
                    "État civil et budget participatif {de}", "Formation des élus et agents communaux {de}")),
            Map.entry("droits-humains-paix", List.of("Accès au droit des femmes {lieu}", "Médiation et paix {lieu}",
                    "Défense des droits des enfants {lieu}")),
            Map.entry("genre", List.of("Autonomisation des femmes {lieu}", "Maison des femmes {de}",
                    "Lutte contre les violences faites aux femmes {lieu}")),
            Map.entry("urbain-habitat", List.of("Habitat social et écoconstruction {lieu}", "Aménagement des quartiers {de}",
                    "Amélioration de l'habitat précaire {lieu}")),
            Map.entry("humanitaire-urgence", List.of("Aide d'urgence {lieu}", "Reconstruction après le séisme {lieu}",
                    "Soutien aux personnes déplacées {lieu}")),
            Map.entry("migrations", List.of("Codéveloppement avec la diaspora {de}", "Accueil et accompagnement des exilés",
                    "Projets de la diaspora {lieu}")),
            Map.entry("jeunesse-mobilite", List.of("Chantier de jeunes solidaires {lieu}", "Volontariat de réciprocité avec {lieu_nu}",
                    "Échanges de jeunes avec {lieu_nu}", "Service civique international {lieu}")),
            Map.entry("materiel-solidaire", List.of("Envoi de matériel médical {lieu}", "Conteneur de matériel scolaire {lieu}",
                    "Collecte et envoi de vélos {lieu}")));

    /** Short objectives, by theme, for summaries and descriptions. */
    static final Map<String, List<String>> OBJECTIVES = Map.ofEntries(
            Map.entry("eau-assainissement", List.of("donner accès à une eau potable sûre aux familles", "construire des latrines dans les écoles",
                    "former les comités de gestion des points d'eau", "sensibiliser les habitants à l'hygiène")),
            Map.entry("sante", List.of("réduire la mortalité maternelle et infantile", "équiper le centre de santé", "former le personnel soignant",
                    "organiser des consultations de prévention")),
            Map.entry("education-formation", List.of("améliorer les conditions d'apprentissage des élèves", "former les enseignants",
                    "ouvrir une bibliothèque", "accompagner les jeunes vers un métier")),
            Map.entry("agriculture-alimentation", List.of("augmenter les revenus des producteurs", "développer des pratiques agroécologiques",
                    "sécuriser l'alimentation pendant la soudure", "transformer et vendre les récoltes")),
            Map.entry("environnement-climat", List.of("planter des arbres avec les habitants", "réduire les déchets", "protéger les ressources naturelles")),
            Map.entry("energie", List.of("apporter l'électricité solaire", "réduire la consommation de bois", "former des techniciens locaux")),
            Map.entry("economie-emploi", List.of("créer des activités génératrices de revenus", "accompagner de jeunes entrepreneurs", "structurer une coopérative")),
            Map.entry("commerce-equitable-tourisme", List.of("développer une filière équitable", "accueillir des voyageurs solidaires", "valoriser l'artisanat local")),
            Map.entry("culture-patrimoine", List.of("faire vivre les échanges culturels", "restaurer le patrimoine", "soutenir les artistes locaux")),
            Map.entry("ecsi", List.of("sensibiliser les élèves à la solidarité internationale", "faire découvrir les objectifs de développement durable",
                    "mobiliser les citoyens du territoire")),
            Map.entry("gouvernance-locale", List.of("renforcer les services de la commune partenaire", "former les élus et les agents", "associer les habitants aux décisions")),
            Map.entry("droits-humains-paix", List.of("faire connaître leurs droits aux habitants", "accompagner les victimes", "soutenir la médiation")),
            Map.entry("genre", List.of("renforcer l'autonomie économique des femmes", "lutter contre les violences", "soutenir les associations de femmes")),
            Map.entry("urbain-habitat", List.of("améliorer l'habitat", "aménager les espaces publics", "former des artisans à l'écoconstruction")),
            Map.entry("humanitaire-urgence", List.of("répondre aux besoins d'urgence", "reconstruire les équipements", "accompagner les familles sinistrées")),
            Map.entry("migrations", List.of("accompagner les projets de la diaspora", "accueillir les personnes exilées", "relier les deux territoires")),
            Map.entry("jeunesse-mobilite", List.of("permettre à des jeunes de vivre une expérience à l'international", "accueillir des volontaires", "construire des projets communs")),
            Map.entry("materiel-solidaire", List.of("collecter du matériel réutilisable", "équiper les structures partenaires", "former à l'entretien du matériel")));

    /** DAC 5-digit sectors reported by each theme's projects (the first is the main one). */
    static final Map<String, List<String>> SECTORS = Map.ofEntries(
            Map.entry("eau-assainissement", List.of("14030", "14031", "14032", "14010", "14081")),
            Map.entry("sante", List.of("12220", "12261", "12240", "13020", "12191")),
            Map.entry("education-formation", List.of("11220", "11120", "11330", "11230", "11130")),
            Map.entry("agriculture-alimentation", List.of("31161", "31120", "31163", "31191", "43040")),
            Map.entry("environnement-climat", List.of("41010", "41030", "14050", "31220")),
            Map.entry("energie", List.of("23230", "23210", "23183")),
            Map.entry("economie-emploi", List.of("24040", "25030", "32130", "16020")),
            Map.entry("commerce-equitable-tourisme", List.of("33110", "33210", "32130")),
            Map.entry("culture-patrimoine", List.of("16061")),
            Map.entry("ecsi", List.of("99820")),
            Map.entry("gouvernance-locale", List.of("15112", "15110", "15128", "15185")),
            Map.entry("droits-humains-paix", List.of("15160", "15150", "15220")),
            Map.entry("genre", List.of("15170", "15180")),
            Map.entry("urbain-habitat", List.of("43030", "16030")),
            Map.entry("humanitaire-urgence", List.of("72010", "73010", "74020")),
            Map.entry("migrations", List.of("15190", "93010")),
            Map.entry("jeunesse-mobilite", List.of("11330", "16020")),
            Map.entry("materiel-solidaire", List.of("99810")));

    /** Local partners: pattern, IATI organisation type. */
    static final List<String[]> LOCAL_PARTNERS = List.of(
            new String[] {"Commune {de}", "11"}, new String[] {"Mairie {de}", "11"},
            new String[] {"Association des femmes {de}", "22"}, new String[] {"Groupement de producteurs {de}", "22"},
            new String[] {"Comité de développement villageois {de}", "22"}, new String[] {"ONG locale {mot} {de}", "22"},
            new String[] {"Centre de santé {de}", "10"}, new String[] {"École primaire {de}", "80"},
            new String[] {"Lycée technique {de}", "80"}, new String[] {"Coopérative agricole {de}", "22"},
            new String[] {"Association des jeunes {de}", "22"}, new String[] {"Union des groupements {de}", "22"});

    static final List<String> WORDS = List.of("Espoir", "Solidarité", "Avenir", "Entraide", "Kawral", "Teranga", "Fanambarana",
            "Nafa", "Benkadi", "Lafia", "Wend Panga", "Sabou");

    static final List<String> FOUNDATIONS = List.of("Fondation de France", "Fondation Raja-Danièle Marcovici", "Fondation Orange",
            "Fondation Veolia", "Fondation Abbé Pierre", "Fondation Lord Michelin", "Fonds de dotation Solidarités", "Fondation d'entreprise Crédit Agricole");

    /** The water agency of each region (Oudin-Santini law), by INSEE region code. */
    static final Map<String, String> WATER_AGENCIES = Map.ofEntries(
            Map.entry("75", "Agence de l'eau Adour-Garonne"), Map.entry("76", "Agence de l'eau Adour-Garonne"),
            Map.entry("84", "Agence de l'eau Rhône Méditerranée Corse"), Map.entry("93", "Agence de l'eau Rhône Méditerranée Corse"),
            Map.entry("94", "Agence de l'eau Rhône Méditerranée Corse"), Map.entry("27", "Agence de l'eau Rhône Méditerranée Corse"),
            Map.entry("11", "Agence de l'eau Seine-Normandie"), Map.entry("28", "Agence de l'eau Seine-Normandie"),
            Map.entry("32", "Agence de l'eau Artois-Picardie"), Map.entry("44", "Agence de l'eau Rhin-Meuse"),
            Map.entry("24", "Agence de l'eau Loire-Bretagne"), Map.entry("52", "Agence de l'eau Loire-Bretagne"),
            Map.entry("53", "Agence de l'eau Loire-Bretagne"));

    static final List<String> WORKED = List.of(
            "L'implication des comités locaux dès la conception a assuré l'appropriation des ouvrages.",
            "Les échanges réguliers avec le partenaire, en visioconférence et par des missions courtes, ont permis d'ajuster le projet.",
            "La formation de relais locaux a démultiplié les effets de la sensibilisation.",
            "Le cofinancement de la collectivité a rassuré les autres financeurs.",
            "Les achats auprès d'artisans locaux ont réduit les coûts et soutenu l'économie locale.");

    static final List<String> FAILED = List.of(
            "La saison des pluies a retardé les travaux de plusieurs mois.",
            "La hausse des prix des matériaux a réduit le nombre d'ouvrages prévus.",
            "Le suivi à distance a été difficile pendant les périodes d'insécurité.",
            "Le renouvellement de l'équipe municipale partenaire a ralenti les décisions.",
            "Les frais d'acheminement du matériel ont été sous-estimés.");

    static final List<String> ADVICE = List.of(
            "Prévoir une marge de 15 % sur le budget des travaux.",
            "Commencer par une mission d'identification avec les futurs usagers.",
            "Confier l'entretien à un comité formé et rémunéré dès la fin des travaux.",
            "Associer les écoles du territoire français pour faire vivre le partenariat.",
            "Caler le calendrier sur les saisons agricoles.");
}
