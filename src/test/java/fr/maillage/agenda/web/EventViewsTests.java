package fr.maillage.agenda.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;

import fr.maillage.shared.text.Dates;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The agenda's dates in words, the same on its pages, feeds, widget and training pages. */
class EventViewsTests {

    static final EventViews VIEWS = new EventViews(messages(), null);
    static final Locale FR = Locale.FRENCH;
    static final Locale EN = Locale.ENGLISH;

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasenames("messages/agenda");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static Instant paris(int y, int mo, int d, int h, int mi) {
        return LocalDateTime.of(y, mo, d, h, mi).atZone(Dates.PARIS).toInstant();
    }

    @Test
    void daysAndTimes() {
        assertThat(VIEWS.day(LocalDate.of(2027, 4, 8), FR)).isEqualTo("jeudi 8 avril 2027");
        assertThat(VIEWS.day(LocalDate.of(2027, 6, 1), FR)).isEqualTo("mardi 1er juin 2027");
        assertThat(VIEWS.day(LocalDate.of(2027, 6, 1), EN)).isEqualTo("Tuesday 1 June 2027");
        assertThat(VIEWS.day((LocalDate) null, FR)).isEmpty();
        assertThat(VIEWS.day(paris(2027, 4, 8, 0, 30), FR)).as("the day in Paris, not in UTC").isEqualTo("jeudi 8 avril 2027");
        assertThat(VIEWS.time(LocalTime.of(9, 30), FR)).isEqualTo("9\u00a0h\u00a030");
        assertThat(VIEWS.time(LocalTime.of(17, 0), FR)).isEqualTo("17\u00a0h");
        assertThat(VIEWS.time(LocalTime.of(9, 5), EN)).isEqualTo("09:05");
        assertThat(VIEWS.dateTime(LocalDateTime.of(2027, 4, 1, 18, 0), FR)).isEqualTo("jeudi 1er avril 2027 à 18\u00a0h");
        assertThat(VIEWS.dayOfMonth(LocalDate.of(2027, 4, 8))).isEqualTo("8");
        assertThat(VIEWS.shortMonth(LocalDate.of(2027, 4, 8), FR)).isEqualTo("avr.");
    }

    @Test
    void spansInSentencesAndInOneShortLine() {
        LocalDateTime s = LocalDateTime.of(2027, 4, 8, 9, 30);
        LocalDateTime e = LocalDateTime.of(2027, 4, 8, 17, 0);
        assertThat(VIEWS.span(s, e, false, FR)).isEqualTo("jeudi 8 avril 2027 de 9\u00a0h\u00a030 à 17\u00a0h");
        Instant si = paris(2027, 4, 8, 9, 30);
        Instant ei = paris(2027, 4, 8, 17, 0);
        LocalDate d = LocalDate.of(2027, 4, 8);
        assertThat(VIEWS.brief(si, ei, false, d, d, FR)).isEqualTo("jeudi 8 avril 2027, 9\u00a0h\u00a030 – 17\u00a0h");
        assertThat(VIEWS.brief(si, ei, false, d, d, EN)).isEqualTo("Thursday 8 April 2027, 09:30–17:00");
        assertThat(VIEWS.brief(si, paris(2027, 4, 9, 0, 0), false, d, d, FR)).as("up to midnight: one day")
                .isEqualTo("jeudi 8 avril 2027, 9\u00a0h\u00a030 – 0\u00a0h");
        assertThat(VIEWS.brief(paris(2027, 5, 12, 9, 30), paris(2027, 5, 13, 17, 0), false, LocalDate.of(2027, 5, 12),
                LocalDate.of(2027, 5, 13), FR)).isEqualTo("du mercredi 12 mai 2027 à 9\u00a0h\u00a030 au jeudi 13 mai 2027 à 17\u00a0h");
        // whole days: written as the pages write them
        LocalDate first = LocalDate.of(2026, 11, 14);
        LocalDate last = LocalDate.of(2026, 11, 22);
        assertThat(VIEWS.brief(null, null, true, first, last, FR)).isEqualTo("du samedi 14 au dimanche 22 novembre 2026")
                .isEqualTo(VIEWS.span(first.atStartOfDay(), last.atStartOfDay(), true, FR));
        assertThat(VIEWS.brief(null, null, true, first, first, FR)).isEqualTo("samedi 14 novembre 2026");
        assertThat(VIEWS.brief(null, null, true, LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 1), FR))
                .isEqualTo("du lundi 30 novembre au mardi 1er décembre 2026");
    }
}
