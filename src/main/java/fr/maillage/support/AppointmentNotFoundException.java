package fr.maillage.support;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No appointment with this link or number: the site's 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AppointmentNotFoundException extends RuntimeException {

    public AppointmentNotFoundException() {
        super("Rendez-vous introuvable");
    }
}
