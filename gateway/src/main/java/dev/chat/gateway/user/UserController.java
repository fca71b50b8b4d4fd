package dev.chat.gateway.user;

import java.util.List;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.gateway.security.Caller;
import dev.chat.gateway.user.UserApi.LoginRequest;
import dev.chat.gateway.user.UserApi.RegisterRequest;
import dev.chat.gateway.user.UserApi.RegisterResponse;
import dev.chat.gateway.user.UserApi.TokenResponse;
import dev.chat.gateway.user.UserApi.UserProfile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OTUS user API ({@code /user/register}, {@code /login}, {@code /user/get/{id}}, {@code /user/search}),
 * plus {@code GET /api/v1/me} for a client to check its token. As in the OTUS spec, profiles and search are
 * public; everything that acts on behalf of a user needs the token.
 */
@RestController
class UserController {

    static final int SEARCH_LIMIT = 100;

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final TokenIssuer tokens;

    UserController(UserRepository users, PasswordEncoder passwords, TokenIssuer tokens) {
        this.users = users;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    @PostMapping("/user/register")
    RegisterResponse register(@Valid @RequestBody RegisterRequest request) {
        UUID id = UUID.randomUUID();
        users.insert(id, request, passwords.encode(request.password()));
        return new RegisterResponse(id);
    }

    /**
     * OTUS answers 404 for an unknown user and 400 ("invalid data") otherwise, so a wrong password is a 400
     * {@code bad-credentials}; user ids are public (profiles are), so the 404 reveals nothing.
     */
    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        String hash = users.passwordHash(request.id())
                .orElseThrow(() -> ProblemType.USER_NOT_FOUND.exception("no user with id " + request.id()));
        if (!passwords.matches(request.password(), hash)) {
            throw ProblemType.BAD_CREDENTIALS.exception("wrong password for user " + request.id());
        }
        return new TokenResponse(tokens.issue(request.id()));
    }

    @GetMapping("/user/get/{id}")
    UserProfile get(@PathVariable("id") UUID id) {
        return users.find(id).orElseThrow(() -> ProblemType.USER_NOT_FOUND.exception("no user with id " + id));
    }

    /** Up to {@value #SEARCH_LIMIT} users whose first and second names start with the given prefixes, by id. */
    @GetMapping("/user/search")
    List<UserProfile> search(@RequestParam("first_name") @Size(max = 100) String firstName,
                             @RequestParam("last_name") @Size(max = 100) String lastName) {
        return users.search(firstName, lastName, SEARCH_LIMIT);
    }

    @GetMapping("/api/v1/me")
    UserProfile me(Caller caller) {
        return users.find(caller.id()).orElseThrow(() -> ProblemType.USER_NOT_FOUND.exception(
                "the token's user " + caller.id() + " does not exist (any more)"));
    }
}
