package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A verified token becomes an authentication named by its subject, with no authority but the bearer factor. */
class SubjectJwtAuthenticationConverterTests {

    private final SubjectJwtAuthenticationConverter converter = new SubjectJwtAuthenticationConverter();
    private final String alice = UUID.randomUUID().toString();

    @Test
    void namesTheAuthenticationByTheSubjectAndGrantsOnlyTheBearerFactor() {
        Jwt jwt = ours().build();

        AbstractAuthenticationToken authentication = converter.convert(jwt);

        assertThat(authentication).isInstanceOf(JwtAuthenticationToken.class);
        assertThat(authentication.getName()).isEqualTo(alice);
        assertThat(authentication.getPrincipal()).isSameAs(jwt);
        assertThat(authentication.isAuthenticated()).isTrue();
        assertThat(authentication.getAuthorities()).singleElement()
                .isInstanceOfSatisfying(FactorGrantedAuthority.class, factor -> assertThat(factor.getAuthority())
                        .isEqualTo(FactorGrantedAuthority.BEARER_AUTHORITY));
    }

    @Test
    void givesSpringsDefaultAuthenticationForOurTokens() {
        Jwt jwt = ours().build();

        assertSameAsDefault(jwt);
    }

    @Test
    void convertsASubjectThatIsNotAStringAsTheDefaultDoes() {
        Jwt jwt = ours().claim("sub", UUID.fromString(alice)).build();

        assertThat(converter.convert(jwt).getName()).isEqualTo(alice);
        assertSameAsDefault(jwt);
    }

    /** The one difference, on tokens we never mint: the default would grant {@code SCOPE_admin}. */
    @Test
    void grantsNothingForScopeClaims() {
        Jwt jwt = ours().claim("scope", "admin").claim("scp", "chat").build();

        assertThat(converter.convert(jwt).getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactly(FactorGrantedAuthority.BEARER_AUTHORITY);
        assertThat(new JwtAuthenticationConverter().convert(jwt).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).contains("SCOPE_admin");
    }

    private void assertSameAsDefault(Jwt jwt) {
        AbstractAuthenticationToken ours = converter.convert(jwt);
        AbstractAuthenticationToken spring = new JwtAuthenticationConverter().convert(jwt);

        assertThat(ours).hasSameClassAs(spring);
        assertThat(ours.getName()).isEqualTo(spring.getName());
        assertThat(ours.getPrincipal()).isSameAs(spring.getPrincipal());
        assertThat(ours.getCredentials()).isEqualTo(spring.getCredentials());
        assertThat(ours.isAuthenticated()).isEqualTo(spring.isAuthenticated());
        assertThat(ours.getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrderElementsOf(spring.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
    }

    /** As the gateway mints them: issuer, subject, issued and expiry times, no scope. */
    private Jwt.Builder ours() {
        Instant now = Instant.now();
        return Jwt.withTokenValue("token").header("alg", "HS256").issuer("chat").subject(alice)
                .issuedAt(now).expiresAt(now.plusSeconds(600));
    }
}
