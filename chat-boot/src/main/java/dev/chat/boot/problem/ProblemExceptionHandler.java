package dev.chat.boot.problem;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The problem for every failure no service handles itself: Spring MVC's own exceptions keep their status (405,
 * 406, 415, …) and get the {@link ProblemType} for it, bad parameters are {@code invalid-parameter}, anything else is
 * a logged 500. Ordered last, so a service's own {@code @RestControllerAdvice} (for the exceptions that are its own,
 * with any {@code @Order}) is asked first; {@link org.springframework.web.ErrorResponseException}s, such as
 * {@link ProblemType#exception(String)}, are answered as they are.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String what = "parameter '" + ex.getPropertyName() + "'";
        if (ex instanceof MethodArgumentTypeMismatchException m) {
            what = (m.getParameter().hasParameterAnnotation(PathVariable.class) ? "path variable '" : "query parameter '")
                    + m.getName() + "'";
        }
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        return problem(ex, ProblemType.INVALID_PARAMETER, what + " must be a " + expected + ", got '" + ex.getValue() + "'",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(ex, ProblemType.INVALID_PARAMETER, "query parameter '" + ex.getParameterName() + "' is required",
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return problem(ex, ProblemType.NOT_FOUND, "no endpoint " + ex.getHttpMethod().name() + " /" + ex.getResourcePath(),
                request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return problem(ex, ProblemType.NOT_FOUND, "no endpoint " + ex.getHttpMethod() + " " + ex.getRequestURL(), request);
    }

    /** Tomcat decodes query parameters lazily and throws on undecodable ones (e.g. {@code ?limit=%ZZ}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException ex, WebRequest request) {
        return problem(ex, ProblemType.INVALID_PARAMETER, "a query parameter is not valid percent-encoded UTF-8", request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error on {}", describe(request), ex);
        return problem(ex, ProblemType.INTERNAL_ERROR, ProblemType.UNEXPECTED, request);
    }

    /** Gives Spring's own problems (405, 406, 415, …) our type and title; keeps the ones that have a type. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = ProblemType.forStatus(problem.getStatus());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return response;
    }

    private ResponseEntity<Object> problem(Exception ex, ProblemType type, String detail, WebRequest request) {
        ProblemDetail problem = type.problem(detail);
        return handleExceptionInternal(ex, problem, new HttpHeaders(), type.status(), request);
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest s
                ? s.getRequest().getMethod() + " " + s.getRequest().getRequestURI() : request.getDescription(false);
    }
}
