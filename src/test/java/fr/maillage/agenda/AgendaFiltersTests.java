package fr.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;

import fr.maillage.reference.RefList;

import org.junit.jupiter.api.Test;

/** The agenda's URL filters: what a URL gives, what is kept, what is said of the rest, and the URL written back. */
class AgendaFiltersTests {

    /** A few codes of the reference lists (the real ones are checked by the integration tests of pages, API and feeds). */
    static final AgendaFilters.KnownCodes KNOWN = (list, code) -> switch (list) {
        case THEMES -> Set.of("eau-assainissement", "sante").contains(code);
        case DEPARTEMENTS -> Set.of("33", "2A", "64", "971").contains(code);
        case COUNTRIES -> Set.of("SN", "ML", "BF").contains(code);
        default -> false;
    };

    @Test
    void everyParameterBecomesTheQuery() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("type", new String[] {"formation", "atelier,webinaire"});
        p.put("theme", new String[] {"Eau-Assainissement"});
        p.put("dep", new String[] {"33", "2a"});
        p.put("pays", new String[] {"sn,ml"});
        p.put("du", new String[] {"2027-03-01"});
        p.put("au", new String[] {"2027-03-31"});
        p.put("enLigne", new String[] {"non"});
        p.put("q", new String[] {"  eau potable "});
        p.put("vue", new String[] {"mois"});

        AgendaFilters f = AgendaFilters.parse(p, KNOWN);
        AgendaQuery q = f.toQuery();

        assertThat(f.invalid()).isEmpty();
        assertThat(f.problems()).isEmpty();
        assertThat(f.reversed()).isFalse();
        assertThat(q.types()).containsExactlyInAnyOrder(EventType.TRAINING, EventType.WORKSHOP, EventType.WEBINAR);
        assertThat(q.themes()).containsExactly("eau-assainissement");
        assertThat(q.departements()).containsExactlyInAnyOrder("33", "2A");
        assertThat(q.countries()).containsExactlyInAnyOrder("SN", "ML");
        assertThat(q.from()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(q.to()).isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(q.online()).isFalse();
        assertThat(q.text()).isEqualTo("eau potable");
        assertThat(f.toQueryString()).isEqualTo("type=formation&type=atelier&type=webinaire&theme=eau-assainissement"
                + "&dep=2A&dep=33&pays=ML&pays=SN&du=2027-03-01&au=2027-03-31&enLigne=non&q=eau%20potable");
        // written back and read again: the same filters
        assertThat(AgendaFilters.parse(params(f.toQueryString()), KNOWN)).isEqualTo(f);
        // the same filters in another order of the URL: the same string (feeds key their caches on it)
        Map<String, List<String>> shuffled = new LinkedHashMap<>();
        shuffled.put("q", List.of("eau potable"));
        shuffled.put("pays", List.of("ML", "SN", "sn"));
        shuffled.put("enLigne", List.of("NON"));
        shuffled.put("au", List.of("2027-03-31"));
        shuffled.put("du", List.of("2027-03-01"));
        shuffled.put("dep", List.of("2A,33"));
        shuffled.put("theme", List.of("eau-assainissement"));
        shuffled.put("type", List.of("webinaire", "atelier", "formation"));
        assertThat(AgendaFilters.parseLists(shuffled, KNOWN).toQueryString()).isEqualTo(f.toQueryString());
    }

    @Test
    void badValuesAreDroppedAndEachIsSaidWithItsMessageNeverThrown() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("type", new String[] {"concert", "formation"});
        p.put("theme", new String[] {"jardinage,sante"});
        p.put("dep", new String[] {"<script>"});
        p.put("pays", new String[] {"FRA", "XX"});
        p.put("du", new String[] {"2027-13-45"});
        p.put("au", new String[] {""});
        p.put("enLigne", new String[] {"peut-être"});
        p.put("q", new String[] {"x".repeat(500)});

        AgendaFilters f = AgendaFilters.parse(p, KNOWN);

        assertThat(f.types()).containsExactly(EventType.TRAINING);
        assertThat(f.themes()).containsExactly("sante");
        assertThat(f.departements()).isEmpty();
        assertThat(f.countries()).isEmpty();
        assertThat(f.from()).isNull();
        assertThat(f.to()).isNull();
        assertThat(f.online()).isNull();
        assertThat(f.text()).hasSize(AgendaFilters.MAX_TEXT);
        assertThat(f.invalid()).containsExactly("dep", "du", "enLigne", "pays", "theme", "type");
        // one problem a value, in the order of the parameters, with what was received and the key of the sentence a page shows
        assertThat(f.problems()).containsExactly(
                new AgendaFilters.Problem("type", "concert", "agenda.events.filter.error.type"),
                new AgendaFilters.Problem("theme", "jardinage", "agenda.events.filter.error.theme"),
                new AgendaFilters.Problem("dep", "<script>", "agenda.events.filter.error.dep"),
                new AgendaFilters.Problem("pays", "FRA", "agenda.events.filter.error.pays"),
                new AgendaFilters.Problem("pays", "XX", "agenda.events.filter.error.pays"),
                new AgendaFilters.Problem("du", "2027-13-45", "agenda.events.filter.error.date"),
                new AgendaFilters.Problem("enLigne", "peut-être", "agenda.events.filter.error.online"));
        assertThat(f.problems().get(0).arguments()).containsExactly("concert", "type");
        // what was typed, to show it back in the form
        assertThat(f.typed("du")).isEqualTo("2027-13-45");
        assertThat(f.typed("au")).isNull();
        // the URL written back holds only what was understood
        assertThat(f.toQueryString()).startsWith("type=formation&theme=sante&q=xxx").doesNotContain("concert").doesNotContain("du=");
    }

    @Test
    void everyProblemHasASentenceInBothLanguages() throws Exception {
        Map<String, String[]> p = new LinkedHashMap<>();
        for (String name : AgendaFilters.PARAMETERS) {
            p.put(name, new String[] {"n’importe-quoi"});
        }
        AgendaFilters f = AgendaFilters.parse(p, KNOWN);
        assertThat(f.invalid()).containsExactlyInAnyOrder("type", "theme", "dep", "pays", "du", "au", "enLigne");
        for (String bundle : List.of("/messages/agenda.properties", "/messages/agenda_en.properties")) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(AgendaFiltersTests.class.getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            f.problems().forEach(pb -> assertThat(messages.getProperty(pb.messageKey())).as(bundle + " " + pb.messageKey()).isNotBlank());
            assertThat(messages.getProperty(AgendaFilters.ERROR_ORDER)).as(bundle).isNotBlank();
        }
    }

    @Test
    void repeatedValuesAreCappedAndLongValuesCutWhenSaid() {
        String many = String.join(",", IntStream.range(0, 50).mapToObj(i -> "t" + i).toList());
        AgendaFilters f = AgendaFilters.parse(Map.of("theme", new String[] {many, "sante"}, "dep", new String[] {"9".repeat(5000)}), KNOWN);
        // at most 30 values are read: sante, the 51st, is not among them
        assertThat(f.themes()).isEmpty();
        assertThat(f.problems()).filteredOn(pb -> pb.parameter().equals("theme")).hasSize(AgendaFilters.MAX_VALUES);
        // a long value is not looked up, and is said shortened
        assertThat(f.typed("dep")).hasSize(AgendaFilters.MAX_CODE + 1).endsWith("…");
    }

    @Test
    void noParameterMeansTheWholeAgendaAndDaysInTheWrongOrderAreSwapped() {
        assertThat(AgendaFilters.parse(Map.of(), KNOWN).isEmpty()).isTrue();
        assertThat(AgendaFilters.parse(Map.of(), KNOWN).toQueryString("?")).isEmpty();
        assertThat(AgendaFilters.parse(null, KNOWN)).isEqualTo(AgendaFilters.none());
        assertThat(AgendaFilters.parseLists(null, KNOWN)).isEqualTo(AgendaFilters.none());

        AgendaFilters f = AgendaFilters.parse(Map.of("du", new String[] {"2027-05-01"}, "au", new String[] {"2027-04-01"},
                "enLigne", new String[] {"oui"}), KNOWN);
        assertThat(f.from()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(f.to()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(f.reversed()).as("said, for the API that refuses it").isTrue();
        assertThat(f.problems()).as("nothing was dropped").isEmpty();
        assertThat(f.online()).isTrue();
        assertThat(f.toQueryString("?")).isEqualTo("?du=2027-04-01&au=2027-05-01&enLigne=oui");
        assertThat(f.withPeriod(null, null).toQueryString()).isEqualTo("enLigne=oui");
        assertThat(f.withPeriod(null, null).reversed()).isFalse();
        // a day far outside the agenda is not a day
        assertThat(AgendaFilters.parse(Map.of("du", new String[] {"0001-01-01"}), KNOWN).invalid()).containsExactly("du");
    }

    @Test
    void urlsAddTheFiltersToAPageThatHasParametersOrNotAndEachChipRemovesOneFilter() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("type", new String[] {"groupe-pays,webinaire"});
        p.put("dep", new String[] {"64"});
        p.put("du", new String[] {"2031-05-01"});
        p.put("q", new String[] {"Mali & Sénégal"});
        AgendaFilters f = AgendaFilters.parse(p, KNOWN);

        assertThat(f.url("/agenda")).isEqualTo("/agenda?type=groupe-pays&type=webinaire&dep=64&du=2031-05-01&q=Mali%20%26%20S%C3%A9n%C3%A9gal");
        assertThat(f.url("/agenda?vue=carte")).startsWith("/agenda?vue=carte&type=groupe-pays&");
        assertThat(AgendaFilters.none().url("/agenda?vue=carte")).isEqualTo("/agenda?vue=carte");
        assertThat(AgendaFilters.none().url("/agenda")).isEqualTo("/agenda");

        assertThat(f.without("type", "webinaire").typeCodes()).containsExactly("groupe-pays");
        assertThat(f.without("dep", "64").url("/agenda")).doesNotContain("dep=");
        assertThat(f.without("du", null).from()).isNull();
        assertThat(f.without("q", null).text()).isNull();
        assertThat(f.without("q", null).without("du", null).without("dep", "64").without("type", "groupe-pays")
                .without("type", "webinaire").isEmpty()).isTrue();
        assertThat(f.withPeriod(null, null).url("/agenda")).doesNotContain("du=");
        assertThat(AgendaFilters.parse(Map.of("enLigne", new String[] {"NON"}), KNOWN).onlineCode()).isEqualTo("non");
        assertThat(AgendaFilters.none().onlineCode()).isNull();
    }

    @Test
    void theReferenceListsDecideWhichCodesAreKnown() {
        AgendaFilters.KnownCodes asked = (list, code) -> list == RefList.DEPARTEMENTS && code.equals("2B");
        AgendaFilters f = AgendaFilters.parse(Map.of("dep", new String[] {"2b", "2A"}), asked);
        assertThat(f.departements()).containsExactly("2B");
        assertThat(f.invalid()).containsExactly("dep");
    }

    static Map<String, String[]> params(String query) {
        Map<String, java.util.List<String>> lists = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            String[] kv = pair.split("=", 2);
            lists.computeIfAbsent(kv[0], k -> new java.util.ArrayList<>())
                    .add(java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.toArray(String[]::new)));
        return out;
    }
}
