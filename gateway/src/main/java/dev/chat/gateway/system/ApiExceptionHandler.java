package dev.chat.gateway.system;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error a controller can raise becomes an RFC 9457 problem with one of the {@link Problems} types.
 * Spring MVC's own exceptions keep their status (405, 406, 415, ...) and get our type and a detail naming
 * what to fix; bad input never ends as a 500.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private static final Map<Integer, String> SLUG_BY_STATUS = Map.of(
            400, Problems.BAD_REQUEST, 401, Problems.UNAUTHORIZED, 403, Problems.FORBIDDEN,
            404, Problems.NOT_FOUND, 405, Problems.METHOD_NOT_ALLOWED, 406, Problems.NOT_ACCEPTABLE,
            413, Problems.PAYLOAD_TOO_LARGE, 415, Problems.UNSUPPORTED_MEDIA_TYPE,
            503, Problems.SERVICE_UNAVAILABLE, 500, Problems.INTERNAL_ERROR);

    private final HttpProperties http;

    ApiExceptionHandler(HttpProperties http) {
        this.http = http;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = JsonErrors.problemFor(ex);
        return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> Map.of("field", jsonName(e.getField()), "message", message(e))).toList();
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, errors.stream()
                .map(e -> e.get("field") + ": " + e.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex, HttpHeaders headers,
                                                                            HttpStatusCode status, WebRequest request) {
        String detail = ex.getParameterValidationResults().stream()
                .map(r -> parameterName(r.getMethodParameter()) + ": " + r.getResolvableErrors().stream()
                        .map(e -> e.getDefaultMessage()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return handleExceptionInternal(ex, Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION, detail), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** A service method's own Bean Validation refused its arguments (the send path): the client's input, a 400. */
    @Override
    protected ResponseEntity<Object> handleMethodValidationException(MethodValidationException ex, HttpHeaders headers,
                                                                     HttpStatus status, WebRequest request) {
        return handleExceptionInternal(ex, ValidationProblems.of(ex), headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String what = "parameter '" + ex.getPropertyName() + "'";
        if (ex instanceof MethodArgumentTypeMismatchException m) {
            what = (m.getParameter().hasParameterAnnotation(PathVariable.class) ? "path variable '" : "query parameter '")
                    + m.getName() + "'";
        }
        String expected = ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
        String detail = what + " must be a " + expected + ", got '" + ex.getValue() + "'";
        return handleExceptionInternal(ex, Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER, detail), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException ex,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = "query parameter '" + ex.getParameterName() + "' is required";
        return handleExceptionInternal(ex, Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER, detail), headers,
                status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noRoute(ex.getHttpMethod().name(), "/" + ex.getResourcePath()), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleNoHandlerFoundException(NoHandlerFoundException ex, HttpHeaders headers,
                                                                   HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, noRoute(ex.getHttpMethod(), ex.getRequestURL()), headers, status, request);
    }

    /** Tomcat decodes query parameters lazily and throws on undecodable ones (e.g. {@code ?first_name=%ZZ}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameter(InvalidParameterException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.INVALID_PARAMETER,
                "a query parameter is not valid percent-encoded UTF-8");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> database(DataAccessException ex, WebRequest request) {
        if (isUnstorableText(ex)) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, Problems.VALIDATION,
                    "text must not contain NUL (U+0000): names, profiles and searches are PostgreSQL text, which cannot hold it");
            return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        log.warn("Postgres failed: {}", ex.getMessage());
        var unavailable = Problems.unavailable("the user database is not available; retry later", http.retryAfter(), ex);
        return handleExceptionInternal(unavailable, unavailable.getBody(), unavailable.getHeaders(),
                unavailable.getStatusCode(), request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        log.error("unexpected error on {}", describe(request), ex);
        ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL_ERROR,
                "unexpected server error; it has been logged");
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    /** Gives Spring's own problems (405, 415, ...) our type URIs; keeps the ones we built as they are. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, status, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(SLUG_BY_STATUS.getOrDefault(problem.getStatus(), Problems.BAD_REQUEST)));
        }
        return response;
    }

    /** PostgreSQL refused a parameter's characters (22021: NUL in text): the input's fault, not an outage. */
    private static boolean isUnstorableText(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "22021".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static ProblemDetail noRoute(String method, String path) {
        return Problems.of(HttpStatus.NOT_FOUND, Problems.NOT_FOUND, "no endpoint " + method + " " + path);
    }

    /** The name the client used: the {@code @RequestParam}/{@code @PathVariable} name, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        return path != null && !path.name().isEmpty() ? path.name() : jsonName(parameter.getParameterName());
    }

    private static String message(FieldError e) {
        return e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage();
    }

    /** Java property names as the client wrote them: the API's JSON is snake_case. */
    static String jsonName(String javaName) {
        return javaName == null ? "?" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static String describe(WebRequest request) {
        return request instanceof ServletWebRequest s
                ? s.getRequest().getMethod() + " " + s.getRequest().getRequestURI() : request.getDescription(false);
    }
}
