package dev.chat.boot.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

@ExtendWith(OutputCaptureExtension.class)
class JwtPropertiesTests {

    private static final String REAL_SECRET = "a-real-secret-of-more-than-32-bytes-1234";

    @Test
    void defaultsToTheSharedDevelopmentSecretIssuerChatAndOneHour() {
        JwtProperties properties = bind(new MapPropertySource("none", Map.of()));

        assertThat(properties.secret()).isEqualTo("dev-only-secret-change-me-0123456789abcdef");
        assertThat(properties.usesDevelopmentSecret()).isTrue();
        assertThat(properties.issuer()).isEqualTo("chat");
        assertThat(properties.ttl()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void takesTheSecretFromTheEnvironmentVariable() {
        JwtProperties properties = bind(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("CHAT_SECURITY_JWT_SECRET", REAL_SECRET, "CHAT_SECURITY_JWT_TTL", "PT15M")));

        assertThat(properties.secret()).isEqualTo(REAL_SECRET);
        assertThat(properties.usesDevelopmentSecret()).isFalse();
        assertThat(properties.ttl()).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void rejectsASecretShorterThan32BytesNamingTheProperty() {
        assertThatThrownBy(() -> new JwtProperties("x".repeat(31), "chat", Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chat.security.jwt.secret").hasMessageContaining("CHAT_SECURITY_JWT_SECRET")
                .hasMessageContaining("32 bytes");
        assertThat(new JwtProperties("x".repeat(32), "chat", Duration.ofHours(1)).secret()).hasSize(32);
    }

    @Test
    void rejectsANonPositiveLifetime() {
        assertThatThrownBy(() -> new JwtProperties(REAL_SECRET, "chat", Duration.ZERO))
                .hasMessageContaining("chat.security.jwt.ttl");
    }

    @Test
    void warnsLoudlyAtStartUpWhenTheDevelopmentSecretIsUsed(CapturedOutput output) {
        new JwtAutoConfiguration().jwtKey(new JwtProperties(JwtProperties.DEV_SECRET, "chat", Duration.ofHours(1)), gateway());

        assertThat(output.getOut() + output.getErr()).contains("WARN").contains("PUBLIC DEVELOPMENT secret")
                .contains("gateway:").contains("chat.security.jwt.secret").contains("CHAT_SECURITY_JWT_SECRET");
    }

    @Test
    void doesNotWarnForARealSecret(CapturedOutput output) {
        new JwtAutoConfiguration().jwtKey(new JwtProperties(REAL_SECRET, "chat", Duration.ofHours(1)), gateway());

        assertThat(output.getOut() + output.getErr()).doesNotContain("PUBLIC DEVELOPMENT secret");
    }

    private static MockEnvironment gateway() {
        return new MockEnvironment().withProperty("spring.application.name", "gateway");
    }

    private static JwtProperties bind(org.springframework.core.env.PropertySource<?> source) {
        return new Binder(ConfigurationPropertySources.from(source)).bindOrCreate("chat.security.jwt", JwtProperties.class);
    }
}
