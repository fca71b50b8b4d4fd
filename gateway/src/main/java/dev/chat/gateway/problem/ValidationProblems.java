package dev.chat.gateway.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.chat.boot.problem.ProblemType;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.MethodValidationException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;

/**
 * A refusal by Bean Validation as the 400 {@code validation} problem, whether on a service method ({@code @Validated}
 * bean: the send path, fields sorted) or on a request body ({@code @Valid @RequestBody}): {@code detail} lists
 * "field: message", {@code errors} the same as {@code [{"field","message"}]} with the fields as the client spells
 * them (snake_case). Used by the HTTP handler and the WebSocket's error frames, so both transports describe the same
 * refusal alike.
 */
public final class ValidationProblems {

    private ValidationProblems() {
    }

    public static ProblemDetail of(MethodValidationException e) {
        return problem(e.getParameterValidationResults().stream()
                .flatMap(ValidationProblems::errors)
                .sorted(Comparator.comparing((Map<String, String> m) -> m.get("field")).thenComparing(m -> m.get("message")))
                .toList());
    }

    /** A request body's field errors ({@code @Valid @RequestBody}), in the order Bean Validation gave them. */
    static ProblemDetail of(List<FieldError> fields) {
        return problem(fields.stream().map(f -> error(f.getField(), message(f))).toList());
    }

    private static ProblemDetail problem(List<Map<String, String>> errors) {
        ProblemDetail problem = ProblemType.VALIDATION.problem(errors.stream()
                .map(m -> m.get("field") + ": " + m.get("message")).collect(Collectors.joining("; ")));
        problem.setProperty("errors", errors);
        return problem;
    }

    private static Stream<Map<String, String>> errors(ParameterValidationResult result) {
        if (result instanceof ParameterErrors bean && bean.hasFieldErrors()) {
            return bean.getFieldErrors().stream().map(f -> error(f.getField(), message(f)));
        }
        String name = result.getMethodParameter().getParameterName();
        return result.getResolvableErrors().stream().map(r -> error(name, message(r)));
    }

    private static Map<String, String> error(String javaName, String message) {
        return Map.of("field", ApiExceptionHandler.jsonName(javaName), "message", message);
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }
}
