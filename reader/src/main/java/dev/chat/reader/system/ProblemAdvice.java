package dev.chat.reader.system;

import java.net.URI;

import dev.chat.common.dialog.DialogNotFoundException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure, including those of the security filter chain (via {@link ProblemSecurityHandlers}),
 * into an RFC 9457 problem with a stable {@link Problems type}.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(DialogNotFoundException.class)
    ResponseEntity<ProblemDetail> dialogNotFound(DialogNotFoundException e) {
        // Names only the friend: the caller knows who they are, and nothing about other users' dialogs leaks.
        return problem(HttpStatus.NOT_FOUND, Problems.DIALOG_NOT_FOUND, "Dialog not found",
                "you have no dialog with user " + e.friendId());
    }

    @ExceptionHandler(InvalidRequestException.class)
    ResponseEntity<ProblemDetail> invalidRequest(InvalidRequestException e) {
        String title = Problems.BAD_CURSOR.equals(e.type()) ? "Bad cursor" : "Invalid request";
        return problem(HttpStatus.BAD_REQUEST, e.type(), title, e.getMessage());
    }

    /** Tomcat parses query parameters lazily and throws on undecodable ones (e.g. {@code ?limit=%ZZ}). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ProblemDetail> undecodableParameter(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, Problems.VALIDATION, "Invalid request",
                "a query parameter is not valid percent-encoded UTF-8");
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e) {
        String detail = e instanceof InvalidBearerTokenException
                ? "the bearer token is malformed, wrongly signed, expired or not issued for this service"
                : "a bearer token is required: Authorization: Bearer <jwt from the gateway's /login>";
        return problem(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED, "Unauthorized", detail);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> forbidden(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, Problems.FORBIDDEN, "Forbidden", "not allowed");
    }

    /** Redis unreachable or too slow: worth a retry, unlike a failing function (a bug, hence 500). */
    @ExceptionHandler(RedisException.class)
    ResponseEntity<ProblemDetail> storeUnavailable(RedisException e) {
        if (e instanceof RedisCommandExecutionException) {
            return unexpected(e);
        }
        log.warn("reader: Redis unavailable: {}", e.toString());
        return storeUnavailable();
    }

    /** The SQL store's counterpart: no connection, connection lost, timeout. An SQL error is a bug (500). */
    @ExceptionHandler({DataAccessResourceFailureException.class, TransientDataAccessException.class,
            RecoverableDataAccessException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
        log.warn("reader: Postgres unavailable: {}", e.toString());
        return storeUnavailable();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("reader: unhandled failure", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, Problems.INTERNAL, "Internal error",
                "the reader failed; the failure has been logged");
    }

    /** Path and query parameters of the wrong type (e.g. a non-UUID id) are the client's mistake. */
    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
        Class<?> required = ex.getRequiredType();
        String detail = name + " must be a " + (required == null ? "valid value" : required.getSimpleName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        return handleExceptionInternal(ex, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Gives the framework's own problems (405, 406, …) a stable type instead of {@code about:blank}. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.forStatus(statusCode));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> storeUnavailable() {
        ResponseEntity<ProblemDetail> problem = problem(HttpStatus.SERVICE_UNAVAILABLE, Problems.STORE_UNAVAILABLE,
                "Store unavailable", "message storage is unavailable; retry shortly");
        return ResponseEntity.status(problem.getStatusCode()).header(HttpHeaders.RETRY_AFTER, "1").body(problem.getBody());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, URI type, String title,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
