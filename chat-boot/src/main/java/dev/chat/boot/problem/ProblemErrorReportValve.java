package dev.chat.boot.problem;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last-resort error page as a problem instead of HTML: it answers requests Tomcat rejects before any
 * servlet sees them (an undecodable or encoded-slash path, for example), so those look like every other problem.
 * Public for Tomcat, which instantiates host valves by class name.
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

    /**
     * Only constant text goes in (no request path, which Tomcat could not decode), so no escaping is needed and no
     * JSON library has to be reachable from Tomcat's pipeline.
     */
    static String json(int status) {
        ProblemType type = ProblemType.forStatus(status);
        return "{\"type\":\"" + type.uri() + "\",\"title\":\"" + type.title() + "\",\"status\":" + status
                + ",\"detail\":\"the server rejected the request before reading it (" + ProblemType.reason(status) + ")\"}";
    }
}
