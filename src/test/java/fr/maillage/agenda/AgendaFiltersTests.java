package fr.maillage.agenda;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The agenda's URL filters: what a URL gives, what is kept, and the URL written back. */
class AgendaFiltersTests {

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

        AgendaFilters f = AgendaFilters.parse(p);
        AgendaQuery q = f.toQuery();

        assertThat(f.invalid()).isEmpty();
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
        assertThat(AgendaFilters.parse(params(f.toQueryString()))).isEqualTo(f);
    }

    @Test
    void badValuesAreDroppedAndNamedNeverThrown() {
        Map<String, String[]> p = new LinkedHashMap<>();
        p.put("type", new String[] {"concert", "formation"});
        p.put("dep", new String[] {"<script>"});
        p.put("pays", new String[] {"FRA"});
        p.put("du", new String[] {"2027-13-45"});
        p.put("au", new String[] {""});
        p.put("enLigne", new String[] {"peut-être"});
        p.put("q", new String[] {"x".repeat(500)});

        AgendaFilters f = AgendaFilters.parse(p);

        assertThat(f.types()).containsExactly(EventType.TRAINING);
        assertThat(f.departements()).isEmpty();
        assertThat(f.countries()).isEmpty();
        assertThat(f.from()).isNull();
        assertThat(f.to()).isNull();
        assertThat(f.online()).isNull();
        assertThat(f.text()).hasSize(AgendaFilters.MAX_TEXT);
        assertThat(f.invalid()).containsExactly("dep", "du", "enLigne", "pays", "type");
    }

    @Test
    void noParameterMeansTheWholeAgendaAndDaysInTheWrongOrderAreSwapped() {
        assertThat(AgendaFilters.parse(Map.of()).isEmpty()).isTrue();
        assertThat(AgendaFilters.parse(Map.of()).toQueryString("?")).isEmpty();
        assertThat(AgendaFilters.parse(null)).isEqualTo(AgendaFilters.none());

        AgendaFilters f = AgendaFilters.parse(Map.of("du", new String[] {"2027-05-01"}, "au", new String[] {"2027-04-01"},
                "enLigne", new String[] {"oui"}));
        assertThat(f.from()).isEqualTo(LocalDate.of(2027, 4, 1));
        assertThat(f.to()).isEqualTo(LocalDate.of(2027, 5, 1));
        assertThat(f.online()).isTrue();
        assertThat(f.toQueryString("?")).isEqualTo("?du=2027-04-01&au=2027-05-01&enLigne=oui");
        assertThat(f.withPeriod(null, null).toQueryString()).isEqualTo("enLigne=oui");
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
