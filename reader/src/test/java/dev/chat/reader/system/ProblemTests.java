package dev.chat.reader.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import dev.chat.boot.problem.ProblemType;
import dev.chat.reader.ReaderApiTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed requests that HTTP clients refuse to send, written to the socket as they are: whichever layer
 * rejects them (Tomcat, the security firewall, Spring MVC), the answer is a 400 problem, never a 500 or HTML.
 */
class ProblemTests extends ReaderApiTestSupport {

    @LocalServerPort
    int port;

    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();

    private String rawGet(String target) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.forUser(alice) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertBadRequestProblem(String response) {
        assertBadRequestProblem(response, ProblemType.VALIDATION);
    }

    private static void assertBadRequestProblem(String response, ProblemType type) {
        assertThat(response).startsWith("HTTP/1.1 400");
        assertThat(response).containsIgnoringCase("Content-Type: application/problem+json");
        assertThat(response).contains("\"type\":\"" + type.uri() + "\"").contains("\"status\":400");
    }

    @Test
    void undecodableQueryParameterIsAnInvalidParameterProblem() throws IOException {
        newDialog(alice, bob);

        assertBadRequestProblem(rawGet("/api/v1/dialogs/" + bob + "/messages?limit=%ZZ"), ProblemType.INVALID_PARAMETER);
        assertBadRequestProblem(rawGet("/api/v1/dialogs/" + bob + "/messages?before=%C3%28"), ProblemType.INVALID_PARAMETER);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/dialogs/%ZZ/messages", "/dialog/%/list"})
    void pathTomcatCannotDecodeIsAProblemNotAnHtmlPage(String target) throws IOException {
        assertBadRequestProblem(rawGet(target));
    }

    @Test
    void pathTheSecurityFirewallRejectsIsAProblem() throws IOException {
        assertBadRequestProblem(rawGet("/api/v1/dialogs/" + bob + "/../" + bob + "/messages"));
    }
}
