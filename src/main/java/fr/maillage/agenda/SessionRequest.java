package fr.maillage.agenda;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * A new session of a training module as staff plan it: the first day and start time, the last
 * day (null: the same day) and end time, a venue (name, street, postal code, town) and/or an
 * online link, the number of places (null: unlimited) and the registration deadline (null: until
 * the start). Registration is open, with a waiting list.
 */
public record SessionRequest(LocalDate day, LocalTime start, LocalDate lastDay, LocalTime end, String venueName, String street,
                             String postalCode, String city, String onlineUrl, Integer capacity, LocalDateTime deadline) {
}
