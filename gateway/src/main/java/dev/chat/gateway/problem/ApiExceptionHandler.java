package dev.chat.gateway.problem;

import java.sql.SQLException;
import java.util.stream.Collectors;

import dev.chat.boot.problem.ProblemType;
import dev.chat.gateway.http.HttpProperties;
import dev.chat.gateway.http.JsonErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

/**
 * The gateway's own failures as problems: its JSON request bodies (see {@link JsonErrors}), their bean validation
 * and the user database. Everything else (Spring MVC's exceptions, bad parameters, the {@code ProblemType}
 * exceptions the services throw, bugs) is chat-boot's {@code ProblemExceptionHandler}'s, which is asked after this.
 */
@RestControllerAdvice
@Order(0)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final HttpProperties http;

    ApiExceptionHandler(HttpProperties http) {
        this.http = http;
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ErrorResponse unreadableBody(HttpMessageNotReadableException ex) {
        ProblemDetail problem = JsonErrors.problemFor(ex);
        return ErrorResponse.builder(ex, problem).build();
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ErrorResponse invalidBody(MethodArgumentNotValidException ex) {
        return ErrorResponse.builder(ex, ValidationProblems.of(ex.getBindingResult().getFieldErrors())).build();
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ErrorResponse invalidParameters(HandlerMethodValidationException ex) {
        String detail = ex.getParameterValidationResults().stream()
                .map(r -> parameterName(r.getMethodParameter()) + ": " + r.getResolvableErrors().stream()
                        .map(e -> e.getDefaultMessage()).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return ErrorResponse.builder(ex, ProblemType.VALIDATION.problem(detail)).build();
    }

    /** A service method's own Bean Validation refused its arguments (the send path): the client's input, a 400. */
    @ExceptionHandler(MethodValidationException.class)
    ErrorResponse invalidArguments(MethodValidationException ex) {
        return ErrorResponse.builder(ex, ValidationProblems.of(ex)).build();
    }

    @ExceptionHandler(DataAccessException.class)
    ErrorResponse database(DataAccessException ex) {
        if (isUnstorableText(ex)) {
            return ErrorResponse.builder(ex, ProblemType.VALIDATION.problem(
                    "text must not contain NUL (U+0000): names, profiles and searches are PostgreSQL text, which cannot hold it"))
                    .build();
        }
        log.warn("Postgres failed: {}", ex.getMessage());
        return ProblemType.SERVICE_UNAVAILABLE.exception("the user database is not available; retry later",
                http.retryAfter(), ex);
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

    /** The name the client used: the {@code @RequestParam}/{@code @PathVariable} name, else the Java name. */
    private static String parameterName(MethodParameter parameter) {
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        if (query != null && !query.name().isEmpty()) {
            return query.name();
        }
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        return path != null && !path.name().isEmpty() ? path.name() : jsonName(parameter.getParameterName());
    }

    /** Java property names as the client wrote them: the API's JSON is snake_case. */
    static String jsonName(String javaName) {
        return javaName == null ? "?" : javaName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
