package dev.chat.gateway.user;

import java.time.LocalDate;
import java.util.UUID;

import dev.chat.gateway.http.MaxUtf8Bytes;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Size;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Request and response bodies of the OTUS user API; field names are the OTUS snake_case ones. */
final class UserApi {

    private UserApi() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegisterRequest(@NotBlank @Size(max = 100) String firstName,
                           @NotBlank @Size(max = 100) String secondName,
                           @Past LocalDate birthdate,
                           @Size(max = 2000) String biography,
                           @Size(max = 100) String city,
                           @NotBlank @Size(min = 8) @MaxUtf8Bytes(72) String password) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record RegisterResponse(UUID userId) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record LoginRequest(@NotNull UUID id, @NotBlank String password) {
    }

    record TokenResponse(String token) {
    }

    /** The OTUS {@code User}; never carries the password hash. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record UserProfile(UUID id, String firstName, String secondName, LocalDate birthdate, String biography, String city) {
    }
}
