package org.savingsledger.web.problem;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The web server's own refusals — a URL it cannot decode, an illegal character, a request line it
 * cannot parse — answered as problem+json like every other error, instead of Tomcat's HTML page.
 * These requests never reach the application, so nothing was written. Tomcat creates the valve from
 * its class name, so it is public with a public constructor.
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    /** The slug of a refusal with neither a 400 nor a 404 of its own. */
    static final String REQUEST_REFUSED = "request-refused";
    static final String TITLE = "Request refused";

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String slug = status == 404 ? ProblemType.NOT_FOUND.slug()
                : status == 400 ? ProblemType.INVALID_INPUT.slug() : REQUEST_REFUSED;
        // written by hand: this runs inside Tomcat, outside the application's ObjectMapper
        String json = "{\"type\":\"" + ProblemType.uri(slug) + "\",\"title\":\"" + TITLE + "\",\"status\":" + status
                + ",\"detail\":\"the web server could not accept this request (its URL or headers are malformed)\""
                + (status == 400 ? ",\"errors\":[]" : "") + "}";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json);
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }

    /** Puts this valve in place of Tomcat's HTML error report. */
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                }
            });
        }
    }
}
