package fr.maillage.projects;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No partnership has this id (the pages answer 404). */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class PartnershipNotFoundException extends RuntimeException {

    public PartnershipNotFoundException(long id) {
        super("No partnership #" + id);
    }
}
