package fr.maillage.support;

import java.time.Instant;

/**
 * One line of a structure's support history, newest first: an appointment with the team
 * ({@link Kind#APPOINTMENT}: subject, staff member, status, next steps, link to the notes) or a
 * registration of one of its people to a training ({@link Kind#TRAINING}) or another event
 * ({@link Kind#EVENT}) with its status and attendance.
 */
public record HistoryEntry(Kind kind, Instant at, String title, String detail, String status, Boolean attended,
                           String nextSteps, String link) {

    public enum Kind {
        APPOINTMENT, TRAINING, EVENT
    }
}
