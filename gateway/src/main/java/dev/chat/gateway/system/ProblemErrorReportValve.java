package dev.chat.gateway.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last-resort error page as a problem instead of HTML: it answers requests Tomcat rejects before any
 * servlet (and so before {@link ProblemErrorController}) sees them, such as {@code %00} or an encoded {@code /} in
 * the path. Public for Tomcat, which instantiates host valves by name.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json(status));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed: nothing left to report to
        }
    }

    /** Only constant text goes in, so no escaping is needed. */
    static String json(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String slug = status >= 500 ? Problems.INTERNAL_ERROR : status == 404 ? Problems.NOT_FOUND : Problems.BAD_REQUEST;
        return "{\"type\":\"" + Problems.type(slug) + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"the server rejected the request before reading it (" + title + ")\"}";
    }
}
