package fr.maillage.agenda;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** No such training module: a 404. */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class TrainingModuleNotFoundException extends RuntimeException {
    public TrainingModuleNotFoundException(String what) {
        super("No training module " + what);
    }
}
