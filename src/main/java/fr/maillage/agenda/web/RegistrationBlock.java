package fr.maillage.agenda.web;

import java.util.Optional;

import fr.maillage.agenda.EventDetails;
import fr.maillage.agenda.EventPlaces;
import fr.maillage.agenda.RegistrationDetails;
import fr.maillage.agenda.RegistrationMode;
import fr.maillage.agenda.Registrations;
import fr.maillage.shared.security.CurrentPerson;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What the registration block of an event page shows to the person looking at it, computed by
 * the block itself so that any page can include it with only the event:
 * {@code <div th:replace="~{agenda/registration :: block(${event})}"></div>} where {@code event}
 * is an {@link EventDetails}. Used as {@code @registrationBlock} in the template.
 */
@Component("registrationBlock")
public class RegistrationBlock {

    /**
     * {@code state}: none (no registration), external (a link elsewhere), cancelled (the event
     * is), unpublished, closed (deadline or start passed), sign-in (a visitor), registered (the
     * person has a live registration: {@code mine}), open, waiting-list (full, the person may
     * join the list), full (no waiting list).
     */
    public record View(EventDetails event, RegistrationMode mode, String state, EventPlaces places, RegistrationDetails mine,
                       boolean staff) {

        public boolean onSite() {
            return mode.onSite();
        }
    }

    private final Registrations registrations;

    RegistrationBlock(Registrations registrations) {
        this.registrations = registrations;
    }

    public View view(EventDetails event) {
        CurrentPerson me = currentPerson();
        RegistrationMode mode = event.data().registration().mode();
        boolean staff = me != null && me.isStaff();
        if (mode == RegistrationMode.NONE) {
            return new View(event, mode, "none", null, null, staff);
        }
        if (mode == RegistrationMode.EXTERNAL) {
            return new View(event, mode, event.isCancelled() ? "cancelled" : "external", null, null, staff);
        }
        EventPlaces places = registrations.places(event.id());
        Optional<RegistrationDetails> mine = registrations.liveOf(event.id(), me);
        String state;
        if (event.isCancelled()) {
            state = "cancelled";
        } else if (!event.isPublished()) {
            state = "unpublished";
        } else if (mine.isPresent()) {
            state = "registered";
        } else if (!places.open()) {
            state = "closed";
        } else if (me == null) {
            state = "sign-in";
        } else if (places.full()) {
            state = places.waitingList() ? "waiting-list" : "full";
        } else {
            state = "open";
        }
        return new View(event, mode, state, places, mine.orElse(null), staff);
    }

    static CurrentPerson currentPerson() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof CurrentPerson p ? p : null;
    }
}
