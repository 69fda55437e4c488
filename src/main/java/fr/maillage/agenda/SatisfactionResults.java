package fr.maillage.agenda;

import java.time.Instant;
import java.util.List;

/**
 * Satisfaction of a training module's sessions (or of one session), for staff: how many answered
 * out of how many participants (CONFIRMED, not marked absent, of sessions that ended), the
 * average of each criterion (null without answers), the distribution of the overall score
 * ({@code overallDistribution.get(0)} is the number of 1s), how many would recommend it, the
 * comments (latest first), and the figures per session.
 */
public record SatisfactionResults(int answers, int participants, Double overall, Double content, Double trainer, Double organisation,
                                  Double usefulness, List<Integer> overallDistribution, int recommendYes, int recommendNo,
                                  List<Comment> comments, List<SessionFigures> sessions) {

    public SatisfactionResults {
        overallDistribution = List.copyOf(overallDistribution);
        comments = List.copyOf(comments);
        sessions = List.copyOf(sessions);
    }

    /** Answers per participant, as a percentage (0 to 100), or null without participants. */
    public Double responseRate() {
        return participants == 0 ? null : Math.min(100.0, 100.0 * answers / participants);
    }

    /** The share of "yes" among those who answered the question, as a percentage, or null. */
    public Double recommendShare() {
        int asked = recommendYes + recommendNo;
        return asked == 0 ? null : 100.0 * recommendYes / asked;
    }

    /** The largest count of the distribution (to draw bars), at least 1. */
    public int maxOverallCount() {
        return Math.max(1, overallDistribution.stream().mapToInt(Integer::intValue).max().orElse(1));
    }

    public record Comment(String text, int overall, String sessionTitle, String sessionSlug, Instant sessionStartsAt) {
    }

    public record SessionFigures(long eventId, String slug, String title, Instant startsAt, boolean cancelled, int participants,
                                 int answers, Double overall) {

        public Double responseRate() {
            return participants == 0 ? null : Math.min(100.0, 100.0 * answers / participants);
        }
    }
}
