package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/** The regex-free resolver gives Spring Security's default resolver's outcome for every header. */
class AuthorizationHeaderTokenResolverTests {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNpZ25hdHVyZQ";

    /** {@code null} is a request without the header. */
    private static final List<String> HEADERS = Arrays.asList(
            null, "", " ", "Bearer " + JWT, "bearer " + JWT, "BEARER " + JWT, "bEaReR " + JWT,
            "Bearer abc", "Bearer a-b.c_d~e+f/g", "Bearer abc=", "Bearer abc==", "Bearer abc=d", "Bearer =", "Bearer ==",
            "Bearer", "Bearer ", "Bearer  ", "Bearer  " + JWT, "Bearer " + JWT + " ", " Bearer " + JWT, "Bearer\t" + JWT,
            "Bearer\n" + JWT, "Bearer " + JWT + "\n", "Bearer " + JWT + "\r\n", "Bearer a b", "Bearer a,b", "Bearer a%2Fb",
            "Bearer a\"b", "Bearer ä", "Bearer a\u00a0b", "Bearer \uD83D\uDE00", "Bearerabc", "Bearer=abc", "Bearer:abc",
            "Bearers abc", "Bear abc", "Basic dXNlcjpwYXNz", "basic abc", "Token " + JWT, "DPoP " + JWT, JWT,
            "\u0299earer abc", "Bearer \u212a", "Bearer \u0131", "Bearer \u017f");

    private final BearerTokenResolver resolver = new AuthorizationHeaderTokenResolver();
    private final BearerTokenResolver spring = new DefaultBearerTokenResolver();

    @Test
    void everyHeaderOfTheListHasTheDefaultResolversOutcome() {
        assertThat(HEADERS).allSatisfy(header ->
                assertThat(outcome(resolver, header)).as("%s", header).isEqualTo(outcome(spring, header)));
    }

    @Test
    void takesTheTokenWhateverTheSchemesCaseAndLeavesOtherSchemesAlone() {
        assertThat(outcome(resolver, "Bearer " + JWT)).isEqualTo(Outcome.token(JWT));
        assertThat(outcome(resolver, "bearer abc==")).isEqualTo(Outcome.token("abc=="));
        assertThat(outcome(resolver, "BEARER a-b.c_d~e+f/g")).isEqualTo(Outcome.token("a-b.c_d~e+f/g"));
        assertThat(outcome(resolver, null)).isEqualTo(Outcome.NONE);
        assertThat(outcome(resolver, "Basic dXNlcjpwYXNz")).isEqualTo(Outcome.NONE);
        assertThat(outcome(resolver, "Token " + JWT)).isEqualTo(Outcome.NONE);
    }

    @Test
    void aMalformedBearerHeaderIsAnInvalidTokenError() {
        for (String header : List.of("Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", "Bearer a,b", "Bearer ==",
                "Bearer abc=d", "Bearerabc", "Bearer\tabc")) {
            assertThat(outcome(resolver, header)).as(header).isEqualTo(Outcome.MALFORMED);
        }
    }

    @Test
    void ignoresTokensInTheQueryStringAndInAFormBody() {
        MockHttpServletRequest query = new MockHttpServletRequest("GET", "/dialog/1/list");
        query.setQueryString("access_token=" + JWT);
        query.setParameter("access_token", JWT);
        MockHttpServletRequest form = new MockHttpServletRequest("POST", "/dialog/1/send");
        form.setContentType("application/x-www-form-urlencoded");
        form.setParameter("access_token", JWT);

        assertThat(resolver.resolve(query)).isNull();
        assertThat(resolver.resolve(form)).isNull();
        assertThat(spring.resolve(query)).isNull();
        assertThat(spring.resolve(form)).isNull();
    }

    /**
     * Any UTF-16 unit in place of each character of a valid header, and after it: covers the scheme's case folding
     * (the default tests the prefix Unicode-aware, then matches ASCII only), the single space, the token's
     * character set and the padding.
     */
    @Test
    void everyCharacterAtEveryPositionHasTheDefaultResolversOutcome() {
        String valid = "Bearer a0=";
        List<String> differing = new ArrayList<>();
        for (int position = 0; position <= valid.length(); position++) {
            for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
                String header = valid.substring(0, position) + (char) c
                        + valid.substring(Math.min(position + 1, valid.length()));
                if (!outcome(resolver, header).equals(outcome(spring, header))) {
                    differing.add(header);
                }
            }
        }
        assertThat(differing).isEmpty();
    }

    private record Outcome(String token, String message, String errorCode, String description, String uri,
                           HttpStatus status) {

        static final Outcome NONE = token(null);
        static final Outcome MALFORMED = new Outcome(null, "Bearer token is malformed", "invalid_token",
                "Bearer token is malformed", "https://tools.ietf.org/html/rfc6750#section-3.1", HttpStatus.UNAUTHORIZED);

        static Outcome token(String token) {
            return new Outcome(token, null, null, null, null, null);
        }
    }

    private static Outcome outcome(BearerTokenResolver resolver, String header) {
        try {
            return Outcome.token(resolver.resolve(request(header)));
        } catch (OAuth2AuthenticationException e) {
            OAuth2Error error = e.getError();
            return new Outcome(null, e.getMessage(), error.getErrorCode(), error.getDescription(), error.getUri(),
                    error instanceof BearerTokenError bearer ? bearer.getHttpStatus() : null);
        }
    }

    private static final HttpServletRequest BASE = new MockHttpServletRequest("GET", "/dialog/1/list");

    /** A request with only this Authorization header (cheap: the character sweep makes 1.4 million). */
    private static HttpServletRequest request(String header) {
        return new HttpServletRequestWrapper(BASE) {
            @Override
            public String getHeader(String name) {
                return HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name) ? header : null;
            }
        };
    }
}
