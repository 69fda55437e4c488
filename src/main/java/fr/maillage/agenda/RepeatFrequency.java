package fr.maillage.agenda;

/** How an event repeats: every N weeks on the same weekday, or every N months on the same day of month. */
public enum RepeatFrequency {
    WEEKLY, MONTHLY
}
