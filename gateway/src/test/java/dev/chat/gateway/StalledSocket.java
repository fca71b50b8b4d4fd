package dev.chat.gateway;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client that stops reading after the handshake, on a plain socket with a small receive buffer: the
 * JDK's WebSocket client cannot bound its socket buffers (the kernel grows them to megabytes), so a stalled client
 * built on it would hide the server's back-pressure. {@link #readUntilClose()} later drains what the server managed
 * to send and returns its close code.
 */
public final class StalledSocket implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private int textFrames;

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code /ws?access_token=…} and reads nothing after the 101 answer. */
    public static StalledSocket connect(int port, String token) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096); // before connect, so the kernel does not grow it
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String request = "GET /ws?access_token=" + token + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: "
                    + Base64.getEncoder().encodeToString(nonce) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            StalledSocket stalled = new StalledSocket(socket);
            String status = stalled.readHeaders();
            if (!status.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new AssertionError("handshake refused: " + status);
            }
            return stalled;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads the rest of the stream: the close code of the server's close frame, or -1 if it ended without one. */
    public int readUntilClose() {
        try {
            while (true) {
                int first = in.readUnsignedByte();
                int second = in.readUnsignedByte();
                long length = second & 0x7f;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                byte[] payload = new byte[(int) length];
                in.readFully(payload);
                int opcode = first & 0x0f;
                if (opcode == 0x1) {
                    textFrames++;
                } else if (opcode == 0x8) {
                    return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
                }
            }
        } catch (EOFException e) {
            return -1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text frames read by {@link #readUntilClose()}. */
    public int textFrames() {
        return textFrames;
    }

    private String readHeaders() throws IOException {
        StringBuilder headers = new StringBuilder();
        InputStream raw = in;
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int b = raw.read();
            if (b < 0) {
                throw new EOFException("connection closed during the handshake: " + headers);
            }
            headers.append((char) b);
        }
        return headers.toString();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
