package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.agenda.Agenda;
import fr.maillage.agenda.AgendaQuery;
import fr.maillage.agenda.AgendaSearch;
import fr.maillage.agenda.EventData;
import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventStatus;
import fr.maillage.agenda.EventType;
import fr.maillage.agenda.EventValidator;
import fr.maillage.agenda.Occurrence;
import fr.maillage.agenda.Recurrence;
import fr.maillage.agenda.RepeatFrequency;
import fr.maillage.agenda.TrainingModules;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Demo events: reproducible, topped up without duplicates, valid for the agenda's own validator,
 * their occurrences exactly those the agenda computes, and the network's calendar as staff know
 * it (trainings of the catalogue's modules, monthly country groups, the multi-actor day and its
 * Agora, the festival over several days, webinars, the general assembly) in the home region.
 */
@SpringBootTest
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoEventsIntegrationTests {

    static final long SEED = 4_242L;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String DEMO = "proposed_by = " + DemoData.DEMO_CREATOR;
    /** Nouvelle-Aquitaine's départements (region 75, the default home region). */
    static final Set<String> HOME = Set.of("16", "17", "19", "23", "24", "33", "40", "47", "64", "79", "86", "87");

    @Autowired
    DemoData demo;

    @Autowired
    DemoEvents demoEvents;

    @Autowired
    Agenda agenda;

    @Autowired
    AgendaSearch search;

    @Autowired
    EventValidator validator;

    @Autowired
    TrainingModules trainings;

    @Autowired
    JdbcClient jdbc;

    List<String> loadedAtOnce;

    @BeforeAll
    void loadStructuresThenEvents() {
        demoEvents.remove();
        demo.ensure(200, SEED, "75");
        assertThat(demoEvents.ensure(600, SEED, "75").inserted()).isEqualTo(600);
        loadedAtOnce = titlesAndDays();
        demoEvents.remove();

        // the same 600, topped up from 350
        assertThat(demoEvents.ensure(350, SEED, "75").inserted()).isEqualTo(350);
        DemoData.LoadResult topUp = demoEvents.ensure(600, SEED, "75");
        assertThat(topUp.before()).isEqualTo(350);
        assertThat(topUp.inserted()).isEqualTo(250);
        assertThat(demoEvents.ensure(600, SEED, "75").inserted()).isZero();
        assertThat(demoEvents.count()).isEqualTo(600);
    }

    @AfterAll
    void removeDemoData() {
        demoEvents.remove();
        demo.remove();
    }

    List<String> titlesAndDays() {
        return jdbc.sql("select title || ' ' || local_start::date from agenda_event where " + DEMO + " order by id").query(String.class).list();
    }

    List<Long> ids() {
        return jdbc.sql("select id from agenda_event where " + DEMO + " order by id").query(Long.class).list();
    }

    @Test
    void theSameSeedGivesTheSameEventsAndSlugsAreUnique() {
        assertThat(titlesAndDays()).containsExactlyElementsOf(loadedAtOnce);
        assertThat(jdbc.sql("select count(distinct slug) from agenda_event where " + DEMO).query(Long.class).single()).isEqualTo(600);
    }

    @Test
    void everyEventIsValidAndItsOccurrencesAreThoseTheAgendaComputes() {
        for (long id : ids()) {
            EventDetails e = agenda.find(id).orElseThrow();
            assertThat(validator.problems(e.data())).as(e.title()).isEmpty();
            assertThat(e.occurrences()).as(e.title()).containsExactlyElementsOf(Recurrence.expand(e.data(), PARIS));
            assertThat(e.startsAt()).isEqualTo(e.occurrences().get(0).startsAt());
            assertThat(e.endsAt()).isEqualTo(e.occurrences().get(e.occurrences().size() - 1).endsAt());
            if (e.data().postalCode() != null) {
                assertThat(e.departement()).as(e.title()).isNotNull();
            }
        }
    }

    @Test
    void theAgendaLooksLikeARegionalNetworks() {
        List<EventDetails> events = ids().stream().map(id -> agenda.find(id).orElseThrow()).toList();
        Map<EventType, Long> byType = events.stream().collect(Collectors.groupingBy(EventDetails::type, Collectors.counting()));
        assertThat(byType.keySet()).contains(EventType.TRAINING, EventType.WORKSHOP, EventType.WEBINAR, EventType.COUNTRY_GROUP,
                EventType.AGORA, EventType.FESTIVAL, EventType.GENERAL_ASSEMBLY, EventType.REGIONAL_MEETING, EventType.OTHER);

        // trainings are sessions of the catalogue's modules (3 or 4 of them), with open registration and places
        List<EventDetails> sessions = events.stream().filter(e -> e.type() == EventType.TRAINING).toList();
        assertThat(sessions.stream().map(e -> e.data().trainingModuleId()).distinct().count()).isBetween(3L, 4L);
        assertThat(sessions).allSatisfy(e -> assertThat(e.data().registration().capacity()).isBetween(12, 20));
        long moduleId = sessions.get(0).data().trainingModuleId();
        assertThat(trainings.sessions(moduleId)).isNotEmpty();

        // the multi-actor day: six parallel workshops with capacities, and the Tribune des projets
        EventDetails agora = events.stream().filter(e -> e.type() == EventType.AGORA).findFirst().orElseThrow();
        assertThat(agora.data().sessions()).hasSize(7);
        assertThat(agora.data().sessions().subList(0, 6)).allSatisfy(s -> assertThat(s.capacity()).isBetween(25, 40));
        assertThat(agora.data().sessions().get(6).title()).isEqualTo("Tribune des projets");
        assertThat(agora.data().registration().capacity()).isEqualTo(150);

        // the festival over several days, all day; country groups monthly; webinars online
        EventDetails festival = events.stream().filter(e -> e.type() == EventType.FESTIVAL && e.data().allDay()).findFirst().orElseThrow();
        assertThat(festival.occurrences().get(0).endDay()).isEqualTo(festival.occurrences().get(0).startDay().plusDays(8));
        EventDetails group = events.stream().filter(e -> e.type() == EventType.COUNTRY_GROUP).findFirst().orElseThrow();
        assertThat(group.data().repeat().frequency()).isEqualTo(RepeatFrequency.MONTHLY);
        assertThat(group.occurrences().size()).isGreaterThan(3);
        assertThat(events.stream().filter(e -> e.type() == EventType.WEBINAR)).allSatisfy(e -> assertThat(e.data().onlineUrl()).startsWith("https://"));

        // a year back to eighteen months ahead, in the home region, organised by demo structures for the members' events
        LocalDate today = LocalDate.now(PARIS);
        assertThat(events).allSatisfy(e -> {
            assertThat(e.occurrences().get(0).startDay()).isAfterOrEqualTo(today.minusYears(1).minusDays(1));
            assertThat(e.occurrences().get(0).startDay()).isBeforeOrEqualTo(today.plusMonths(18).plusDays(1));
        });
        assertThat(events.stream().filter(e -> e.occurrences().get(0).startsAt().isBefore(Instant.now())).count()).isGreaterThan(100);
        assertThat(events.stream().filter(e -> e.occurrences().get(0).startsAt().isAfter(Instant.now())).count()).isGreaterThan(200);
        List<String> departements = events.stream().map(EventDetails::departement).filter(d -> d != null).toList();
        assertThat(departements.stream().filter(HOME::contains).count()).isGreaterThan(departements.size() * 6 / 10);
        assertThat(departements.stream().distinct().count()).isGreaterThan(5);
        assertThat(events.stream().filter(e -> !e.organisations().isEmpty()).count()).isGreaterThan(50);
        assertThat(events.stream().filter(e -> e.status() == EventStatus.PUBLISHED).count()).isGreaterThan(550);
        assertThat(events.stream().map(EventDetails::data).map(EventData::title)).anyMatch(t -> t.startsWith("Journée multi-acteurs"));

        // and the public agenda reads them
        assertThat(search.count(AgendaQuery.all().between(today, today.plusMonths(18)))).isGreaterThan(200);
        assertThat(events.stream().flatMap(e -> e.occurrences().stream()).map(Occurrence::startsAt).count()).isGreaterThan(600);
    }
}
