package dev.chat.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP/1.0 request written to the socket as it is: Java's HTTP client refuses targets such as {@code /a/%ZZ/b},
 * and those are the ones Tomcat rejects before any servlet runs. HTTP/1.0, so the answer is never chunked.
 */
final class RawHttp {

    private RawHttp() {
    }

    /** {@code headers} are whole lines ({@code "Accept: application/xml"}); {@code body} may be null. */
    static Answer send(String baseUrl, String method, String target, String body, String... headers) {
        URI base = URI.create(baseUrl);
        StringBuilder request = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\n");
        for (String header : headers) {
            request.append(header).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            request.append("Content-Type: application/json\r\nContent-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            return Answer.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status, the {@code Content-Type} (lower case, empty if none) and the body of a response. */
    record Answer(int status, String contentType, String body, String raw) {

        static Answer parse(String raw) {
            int end = raw.indexOf("\r\n\r\n");
            String head = end < 0 ? raw : raw.substring(0, end);
            String body = end < 0 ? "" : raw.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = "";
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim().toLowerCase(Locale.ROOT);
                }
            }
            return new Answer(status, contentType, body, raw);
        }
    }
}
