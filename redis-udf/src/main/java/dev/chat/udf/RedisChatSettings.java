package dev.chat.udf;

import java.util.Objects;

/**
 * How to reach Redis.
 *
 * @param uri     {@code redis://host:port} (for a cluster: any node's address)
 * @param reads   where read-only functions ({@code FCALL_RO}) go
 * @param cluster true for Redis Cluster: then no call touches two hash slots, and one-dialog-per-pair
 *                relies on the caller serialising creation per pair (see redis-udf/README.md)
 */
public record RedisChatSettings(String uri, ReadPreference reads, boolean cluster) {

    public enum ReadPreference { PRIMARY, REPLICA_PREFERRED }

    public RedisChatSettings {
        Objects.requireNonNull(uri, "uri");
        reads = reads == null ? ReadPreference.PRIMARY : reads;
    }

    public static RedisChatSettings standalone(String uri) {
        return new RedisChatSettings(uri, ReadPreference.PRIMARY, false);
    }
}
