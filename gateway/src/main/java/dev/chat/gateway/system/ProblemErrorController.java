package dev.chat.gateway.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page so that errors raised outside Spring MVC (by Tomcat or a filter,
 * before any controller ran) are problems too, with the same types as everywhere else.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        Throwable ex = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ProblemDetail problem;
        if (BodyLimitFilter.tooLargeCause(ex) != null) {
            status = HttpStatus.CONTENT_TOO_LARGE;
            problem = Problems.of(status, Problems.PAYLOAD_TOO_LARGE, BodyLimitFilter.tooLargeCause(ex).getMessage());
        } else {
            if (status.is5xxServerError()) {
                log.error("error outside Spring MVC on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), ex);
            }
            problem = Problems.of(status, slug(status), detail(status, request));
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(Problems.instance(uri == null ? null : uri.toString()));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }

    private static String slug(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> Problems.BAD_REQUEST;
            case 401 -> Problems.UNAUTHORIZED;
            case 403 -> Problems.FORBIDDEN;
            case 404 -> Problems.NOT_FOUND;
            case 405 -> Problems.METHOD_NOT_ALLOWED;
            case 413 -> Problems.PAYLOAD_TOO_LARGE;
            case 415 -> Problems.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> Problems.SERVICE_UNAVAILABLE;
            default -> status.is5xxServerError() ? Problems.INTERNAL_ERROR : Problems.BAD_REQUEST;
        };
    }

    private static String detail(HttpStatus status, HttpServletRequest request) {
        if (status.is5xxServerError()) {
            return "unexpected server error; it has been logged";
        }
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        return message == null || message.toString().isBlank() ? status.getReasonPhrase() : message.toString();
    }
}
