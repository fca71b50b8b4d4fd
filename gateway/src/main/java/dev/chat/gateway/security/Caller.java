package dev.chat.gateway.security;

import java.util.UUID;

/**
 * The authenticated user making the request, taken from the verified token's subject. Declare it as a
 * controller method parameter; it is never read from the request body.
 */
public record Caller(UUID id) {
}
