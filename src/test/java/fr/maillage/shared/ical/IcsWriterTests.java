package fr.maillage.shared.ical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

/** The iCalendar writer, read back with iCal4j (a real RFC 5545 parser). */
class IcsWriterTests {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aTimedEventReadsBackInParisTimeWithItsTextIntact() throws Exception {
        String description = "Programme ; ateliers, déjeuner\nInscription obligatoire — « Agora » 🌍 " + "x".repeat(120);
        String ics = IcsWriter.single("-//Maillage//Tests//FR", "REQUEST", new IcsEvent("evt-1@maillage.test",
                Instant.parse("2026-11-23T10:00:00Z"), null, 2, false,
                LocalDateTime.of(2027, 3, 28, 9, 30), LocalDateTime.of(2027, 3, 28, 17, 0), PARIS, null, null,
                "Rencontre régionale, Bordeaux", description, "Maison des associations, 33000 Bordeaux", 44.84, -0.58,
                "https://maillage.test/agenda/rencontre", "CONFIRMED", List.of("Rencontre régionale"),
                "Réseau", "contact@maillage.test", "Awa Diop", "awa@exemple.sn"));

        assertThat(ics.split("\r\n")).allSatisfy(l -> assertThat(l.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75));
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        VEvent event = (VEvent) calendar.getComponents(Component.VEVENT).get(0);
        ZonedDateTime start = (ZonedDateTime) event.getStartDate().orElseThrow().getDate();
        assertThat(start.toInstant()).isEqualTo(Instant.parse("2027-03-28T07:30:00Z")); // summer time that morning
        assertThat(event.getSummary().getValue()).isEqualTo("Rencontre régionale, Bordeaux");
        assertThat(event.getDescription().getValue()).isEqualTo(description);
        assertThat(event.getLocation().getValue()).isEqualTo("Maison des associations, 33000 Bordeaux");
    }

    @Test
    void repeatingAndAllDayEventsExpandAsWritten() throws Exception {
        StringBuilder sb = new StringBuilder();
        IcsWriter w = new IcsWriter(sb, "-//Maillage//Tests//FR", "PUBLISH", "Agenda");
        w.event(new IcsEvent("weekly@maillage.test", Instant.now(), null, 0, false,
                LocalDateTime.of(2026, 10, 15, 18, 0), LocalDateTime.of(2026, 10, 15, 20, 0), PARIS,
                "FREQ=WEEKLY;INTERVAL=1;UNTIL=20261105T225959Z", List.of(LocalDate.of(2026, 10, 22)),
                "Groupe pays Mali", null, null, null, null, null, "CONFIRMED", null, null, null, null, null));
        w.event(new IcsEvent("festival@maillage.test", Instant.now(), null, 0, true,
                LocalDateTime.of(2026, 11, 14, 0, 0), LocalDateTime.of(2026, 11, 22, 0, 0), PARIS, null, null,
                "Festival des solidarités", null, null, null, null, null, "CANCELLED", null, null, null, null, null));
        w.close();

        Calendar calendar = new CalendarBuilder().build(new StringReader(sb.toString()));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        List<Period<Temporal>> periods = List.copyOf(events.get(0).calculateRecurrenceSet(new Period<Temporal>(
                ZonedDateTime.of(2026, 10, 1, 0, 0, 0, 0, PARIS), ZonedDateTime.of(2026, 12, 1, 0, 0, 0, 0, PARIS))));
        assertThat(periods).extracting(p -> Instant.from(p.getStart())).containsExactlyInAnyOrder(
                Instant.parse("2026-10-15T16:00:00Z"), Instant.parse("2026-10-29T17:00:00Z"), Instant.parse("2026-11-05T17:00:00Z"));
        assertThat(events.get(1).getStartDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(events.get(1).getEndDate().orElseThrow().getDate()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(events.get(1).getStatus().getValue()).isEqualTo("CANCELLED");
    }
}
