package dev.chat.ab;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.chat.common.dialog.EncodedMessage;
import dev.chat.udf.RedisKeys;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The B side of the reader A/B (docs/performance.md, scripts/ab/reader-netty.sh): the reader's OTUS list on Spring
 * WebFlux over Reactor Netty, doing the same work per request as the Tomcat reader: a verified-token cache in front of
 * the resource server's JWT check, the dialog from an in-process cache, one FCALL_RO show_messages over a byte-valued
 * Lettuce connection (reactive, on Lettuce's event loop), the members copied into the OTUS JSON. A prototype for the
 * measurement, not a service: no problem documents, CORS or OpenAPI.
 */
@SpringBootApplication
@RestController
public class WebFluxReader {

    static final String SECRET = System.getenv().getOrDefault("CHAT_SECURITY_JWT_SECRET", "dev-only-secret-change-me-0123456789abcdef");

    private final StatefulRedisConnection<String, String> text;
    private final StatefulRedisConnection<String, byte[]> raw;
    private final Cache<String, String> dialogs = Caffeine.newBuilder().maximumSize(100_000).build();

    public WebFluxReader() {
        RedisClient client = RedisClient.create(System.getenv().getOrDefault("CHAT_REDIS_URL", "redis://127.0.0.1:6379"));
        text = client.connect(StringCodec.UTF8);
        raw = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
    }

    public static void main(String[] args) {
        SpringApplication.run(WebFluxReader.class, args);
    }

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.csrf(c -> c.disable()).httpBasic(b -> b.disable()).formLogin(f -> f.disable())
                .authorizeExchange(a -> a.pathMatchers("/actuator/**").permitAll().anyExchange().authenticated())
                .oauth2ResourceServer(rs -> rs.jwt(j -> { })).build();
    }

    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder() {
        JwtDecoder verifier = NimbusJwtDecoder.withSecretKey(new SecretKeySpec(SECRET.getBytes(US_ASCII), "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
        Cache<String, Jwt> verified = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofHours(1)).build();
        return token -> {
            Jwt jwt = verified.getIfPresent(token);
            if (jwt == null || !Instant.now().isBefore(jwt.getExpiresAt())) {
                jwt = verifier.decode(token);
                verified.put(token, jwt);
            }
            return Mono.just(jwt);
        };
    }

    @GetMapping(path = "/dialog/{user_id}/list", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<byte[]> list(@PathVariable("user_id") UUID friend, Authentication caller) {
        UUID me = UUID.fromString(caller.getName());
        return dialog(me, friend).flatMap(dialogId -> raw.reactive()
                .<List<Object>>fcallReadOnly("show_messages", ScriptOutputType.MULTI,
                        new String[] {RedisKeys.messages(UUID.fromString(dialogId))}, "older".getBytes(US_ASCII), "100".getBytes(US_ASCII))
                .next()
                .map(reply -> otus(reply, me.toString().getBytes(US_ASCII), friend.toString().getBytes(US_ASCII))));
    }

    private Mono<String> dialog(UUID me, UUID friend) {
        String key = me.compareTo(friend) < 0 ? me + ":" + friend : friend + ":" + me;
        String cached = dialogs.getIfPresent(key);
        if (cached != null) {
            return Mono.just(cached);
        }
        return text.reactive().<String>fcallReadOnly("get_dialog", ScriptOutputType.VALUE,
                        new String[] {RedisKeys.dialog(me, friend), RedisKeys.dialog(friend, me)})
                .next()
                .switchIfEmpty(Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND)))
                .map(json -> {
                    String id = json.substring(7, 43);
                    dialogs.put(key, id);
                    return id;
                });
    }

    private static byte[] otus(List<Object> reply, byte[] caller, byte[] friend) {
        List<EncodedMessage> messages = new ArrayList<>();
        for (int i = 0; i < reply.size() - 1; i++) {
            messages.add(EncodedMessage.of((byte[]) reply.get(i)));
        }
        Collections.reverse(messages);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(messages.size() * 300);
        out.write('[');
        for (int i = 0; i < messages.size(); i++) {
            EncodedMessage m = messages.get(i);
            byte[] b = m.bytes();
            out.writeBytes((i == 0 ? "{\"from\":\"" : ",{\"from\":\"").getBytes(US_ASCII));
            out.write(b, EncodedMessage.AUTHOR_ID_OFFSET, 36);
            out.writeBytes("\",\"to\":\"".getBytes(US_ASCII));
            out.writeBytes(m.authorIs(caller) ? friend : caller);
            out.writeBytes("\",\"text\":".getBytes(US_ASCII));
            out.write(b, EncodedMessage.TEXT_OFFSET, m.textEnd() - EncodedMessage.TEXT_OFFSET);
            out.write('}');
        }
        out.write(']');
        return out.toByteArray();
    }
}
