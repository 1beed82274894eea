package org.savingsledger.query.web;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * The web server's own refusals — a URL it cannot decode, an illegal character, a request line it
 * cannot parse — answered as problem+json like every other error, instead of Tomcat's HTML page.
 * These requests never reach the application, so nothing was written. (The command side's
 * {@code ProblemErrorReportValve} does the same; the sides share no code, so these lines repeat on
 * purpose, and in the all-in-one either is installed.)
 */
public class QueryErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
            return;
        }
        String slug = status == 404 ? "not-found" : status == 400 ? "invalid-input" : "request-refused";
        String json = "{\"type\":\"urn:savings-ledger:problem:" + slug + "\",\"title\":\"Request refused\",\"status\":" + status
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
    @Component
    static class Installer implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    host.setErrorReportValveClass(QueryErrorReportValve.class.getName());
                }
            });
        }
    }
}
