package fr.maillage.shared.web;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every HTML error (404, 403, 413, 500...) is shown with the site's one error page,
 * {@code templates/error/error.html}, in the layout and the visitor's language, with the
 * right status code, and without Boot's English reason phrase. (Spring Boot would otherwise look for {@code error/404} or
 * {@code error/4xx} and fall back to a bare English page.)
 */
@Component
class ErrorPages implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        // Boot's "error" attribute ("Not Found") would show as the layout's error message
        Map<String, Object> page = new HashMap<>(model);
        page.remove("error");
        return new ModelAndView("error/error", page, status);
    }
}
