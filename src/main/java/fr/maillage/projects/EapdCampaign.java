package fr.maillage.projects;

import java.time.LocalDate;

/**
 * A yearly e-APD declaration campaign, set by staff: in {@code year} (between {@code opensOn}
 * and {@code closesOn}, about 15 April to 31 May), local authorities declare the amounts of
 * {@code year - 1}.
 */
public record EapdCampaign(int year, LocalDate opensOn, LocalDate closesOn) {

    /** The year whose amounts are declared. */
    public int amountsYear() {
        return year - 1;
    }

    public boolean isOpen(LocalDate today) {
        return !today.isBefore(opensOn) && !today.isAfter(closesOn);
    }

    public boolean isUpcoming(LocalDate today) {
        return today.isBefore(opensOn);
    }

    public boolean isClosed(LocalDate today) {
        return today.isAfter(closesOn);
    }

    /** Whole days left until the closing day, included (0 when closed). */
    public long daysLeft(LocalDate today) {
        return isClosed(today) ? 0 : java.time.temporal.ChronoUnit.DAYS.between(today, closesOn) + 1;
    }
}
