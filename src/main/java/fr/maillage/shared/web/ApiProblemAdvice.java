package fr.maillage.shared.web;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of the JSON API as RFC 9457 ProblemDetail ({@code application/problem+json}): bad
 * parameters 400, unknown resources 404, and so on; never a stack trace. Applies to
 * controllers annotated {@link ApiController} only; pages keep their HTML error pages.
 */
@RestControllerAdvice(annotations = ApiController.class)
class ApiProblemAdvice extends ResponseEntityExceptionHandler {

    private final MessageSource messages;

    ApiProblemAdvice(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            if (problem.getTitle() == null || problem.getTitle().isBlank() || problem.getTitle().equals(HttpStatus.valueOf(statusCode.value()).getReasonPhrase())) {
                problem.setTitle(title(statusCode.value()));
            }
            return ResponseEntity.status(statusCode).headers(response.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        return response;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badArgument(IllegalArgumentException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle(title(400));
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private String title(int status) {
        Locale locale = LocaleContextHolder.getLocale();
        String key = switch (status) {
            case 400 -> "problem.bad-request";
            case 404 -> "problem.not-found";
            case 409 -> "problem.conflict";
            case 413 -> "problem.payload-too-large";
            case 415 -> "problem.unsupported-media-type";
            default -> "error.title";
        };
        return messages.getMessage(key, null, HttpStatus.valueOf(status).getReasonPhrase(), locale);
    }
}
