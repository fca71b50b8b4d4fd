package dev.chat.boot.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's {@code /error} page so that errors raised outside Spring MVC (a servlet filter's exception or
 * {@code sendError}, the security firewall's rejection) are problems with the same types as everywhere else.
 * An {@link ErrorResponse} in the exception's cause chain (such as the gateway's body limit) is answered as it is.
 */
@RestController
class ProblemErrorController implements ErrorController {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorController.class);

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Throwable ex = (Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        ErrorResponse carried = errorResponseIn(ex);
        ProblemDetail problem = carried != null ? carried.getBody() : fromStatus(request, ex);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        problem.setInstance(ProblemWriter.instance(uri == null ? null : uri.toString()));
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail fromStatus(HttpServletRequest request, Throwable ex) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatusCode status = HttpStatusCode.valueOf(code instanceof Integer i && i >= 400 && i < 600 ? i : 500);
        if (status.is5xxServerError()) {
            log.error("failure outside Spring MVC on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), ex);
            return ProblemType.forStatus(status.value()).problem(status, ProblemType.UNEXPECTED);
        }
        return ProblemType.forStatus(status.value()).problem(status, detail(status, request));
    }

    private static String detail(HttpStatusCode status, HttpServletRequest request) {
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        if (message != null && !message.toString().isBlank()) {
            return message.toString();
        }
        return "the request was rejected: " + ProblemType.reason(status.value());
    }

    private static ErrorResponse errorResponseIn(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ErrorResponse response) {
                return response;
            }
        }
        return null;
    }
}
