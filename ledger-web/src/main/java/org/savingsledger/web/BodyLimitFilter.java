package org.savingsledger.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.Order;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A command's body, and that of a change to the stored users, is at most {@value #LIMIT} bytes: larger
 * ones are refused with 413 before anything is parsed, whether they announce their length or arrive
 * chunked. The body is read once
 * here and handed on as {@link CachedBody}, so later steps (the idempotency check) can see its bytes.
 */
@Order(10)
public class BodyLimitFilter extends OncePerRequestFilter {

    /** 1 MiB: a savings profile is a few hundred bytes. */
    public static final int LIMIT = 1024 * 1024;

    private final ObjectMapper json;

    public BodyLimitFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        // a spreadsheet import is multipart, read by the servlet container under its own, larger limit
        boolean command = "POST".equals(request.getMethod()) && path.startsWith("/api/") && !path.equals("/api/imports");
        boolean userChange = ("POST".equals(request.getMethod()) || "PUT".equals(request.getMethod()))
                && (path.equals("/admin/users") || path.startsWith("/admin/users/"));
        return !command && !userChange;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT) {
            tooLarge(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
        if (body.length > LIMIT) {
            tooLarge(response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Problems.write(response, json, ProblemType.PAYLOAD_TOO_LARGE.problem(
                "a command's body may be at most " + LIMIT + " bytes (1 MiB)"));
    }

    /** The request with its body already read. */
    public static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        public CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        public byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    try {
                        return in.available() == 0;
                    } catch (IOException e) {
                        return true;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            java.nio.charset.Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = java.nio.charset.Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset named by the client: read as UTF-8, as JSON is
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
