package fr.maillage.directory;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such structure: answered with a 404 page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class OrganisationNotFoundException extends RuntimeException {

    public OrganisationNotFoundException(String what) {
        super("Structure introuvable : " + what);
    }
}
