package org.savingsledger.command.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.web.BodyLimitFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Idempotency-Key} on commands: the first request with a key (per user) runs; a retry with the
 * same key and the same request (method, path and body bytes, compared by SHA-256) gets the first
 * response again with {@code Idempotent-Replayed: true} and writes nothing; the same key with another
 * request is 422; while the first is still running, 409. Keys live in the event store's database, so
 * every command-side instance sees them, for {@code ledger.idempotency.retention} (24 h by default).
 *
 * <p>A retry never runs a command that may have been recorded. So the key is released (its retry
 * runs) only after a 503 {@code service-unavailable}, which is answered only when nothing was written;
 * every other answer (success, refusal, 500, 503 {@code outcome-unknown}) is kept and replayed. When
 * the database fails just after the command, the command's own answer still goes out (it is true) and
 * the key stays "in progress" until it expires: its retries get 409 rather than a second run. When
 * the key cannot be claimed or read, the command is not run: 503 {@code service-unavailable}.
 */
@Component
@Order(20)
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern SENSIBLE = Pattern.compile("[\\x21-\\x7e]{1,255}");
    private static final String ANONYMOUS = "-";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Duration retention;

    public IdempotencyFilter(JdbcTemplate jdbc, ObjectMapper json,
                             @Value("${ledger.idempotency.retention:PT24H}") Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.retention = retention;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        // an import is multipart (its body must stay unread for the container) and idempotent by itself
        return request.getHeader(HEADER) == null || !"POST".equals(request.getMethod())
                || request.getRequestURI().substring(request.getContextPath().length()).equals("/api/imports");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!SENSIBLE.matcher(key).matches()) {
            problem(response, ProblemType.INVALID_INPUT,
                    "the Idempotency-Key header must be 1 to 255 printable ASCII characters without spaces",
                    Map.of("errors", List.of(Map.of("field", HEADER, "message", "must be 1 to 255 printable ASCII characters"))));
            return;
        }
        byte[] body = request instanceof BodyLimitFilter.CachedBody cached ? cached.body() : request.getInputStream().readAllBytes();
        if (!(request instanceof BodyLimitFilter.CachedBody)) {
            request = new BodyLimitFilter.CachedBody(request, body);
        }
        Principal principal = request.getUserPrincipal();
        String user = principal == null ? ANONYMOUS : principal.getName();
        String hash = hash(request.getMethod(), request.getRequestURI(), request.getQueryString(), body);
        try {
            jdbc.update("insert into idempotency_key (principal, idem_key, request_hash) values (?, ?, ?)", user, key, hash);
        } catch (DuplicateKeyException first) {
            try {
                answerFromFirst(response, user, key, hash);
            } catch (DataAccessException e) {
                unavailable(response, e);
            }
            return;
        } catch (DataAccessException e) {
            unavailable(response, e);
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(request, recorded);
            settle(recorded, user, key);
        } finally {
            // an exception escaping the chain leaves the key in progress: the command may have run
            recorded.copyBodyToResponse();
        }
    }

    /** Releases the key when the command certainly wrote nothing, else keeps the answer for retries. */
    private void settle(ContentCachingResponseWrapper recorded, String user, String key) {
        try {
            if (nothingWritten(recorded)) {
                jdbc.update("delete from idempotency_key where principal = ? and idem_key = ?", user, key);
            } else {
                jdbc.update("update idempotency_key set status = ?, content_type = ?, location = ?, body = ? "
                                + "where principal = ? and idem_key = ?", recorded.getStatus(), recorded.getContentType(),
                        recorded.getHeader(HttpHeaders.LOCATION),
                        new String(recorded.getContentAsByteArray(), StandardCharsets.UTF_8), user, key);
            }
        } catch (DataAccessException e) {
            // the answer itself is true and goes out; the key stays in progress (409) until it expires,
            // so a retry cannot run a command that may have been recorded
            log.warn("Idempotency-Key of {} left in progress: its answer ({}) could not be kept: {}", user,
                    recorded.getStatus(), e.toString());
        }
    }

    /** Only a 503 {@code service-unavailable} says that nothing was written (see ApiExceptionHandler). */
    private boolean nothingWritten(ContentCachingResponseWrapper recorded) {
        if (recorded.getStatus() != HttpStatus.SERVICE_UNAVAILABLE.value()) {
            return false;
        }
        try {
            return ProblemType.SERVICE_UNAVAILABLE.type().toString()
                    .equals(json.readTree(recorded.getContentAsByteArray()).path("type").asText());
        } catch (IOException e) {
            return false;
        }
    }

    /** The key could not be claimed or read, so the command has not run: the client may simply retry. */
    private void unavailable(HttpServletResponse response, DataAccessException cause) throws IOException {
        log.warn("Idempotency-Key store unavailable: {}", cause.toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, CommandFailures.RETRY_AFTER_SECONDS);
        problem(response, ProblemType.SERVICE_UNAVAILABLE,
                "the ledger's database cannot be reached; nothing was written, retry shortly", Map.of());
    }

    private void answerFromFirst(HttpServletResponse response, String user, String key, String hash) throws IOException {
        List<Map<String, Object>> rows = jdbc.queryForList("select request_hash, status, content_type, location, body "
                + "from idempotency_key where principal = ? and idem_key = ?", user, key);
        if (rows.isEmpty()) {
            // the first request failed and released the key a moment ago: this one may simply try again
            problem(response, ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "a request with this Idempotency-Key has just been processed; retry", Map.of());
            return;
        }
        Map<String, Object> first = rows.get(0);
        if (!hash.equals(first.get("request_hash"))) {
            problem(response, ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "this Idempotency-Key was used for a different request; use a new key for a new request", Map.of());
            return;
        }
        if (first.get("status") == null) {
            response.setHeader(HttpHeaders.RETRY_AFTER, "1");
            problem(response, ProblemType.IDEMPOTENCY_KEY_IN_USE,
                    "the first request with this Idempotency-Key is still being processed; retry shortly", Map.of());
            return;
        }
        response.setStatus(((Number) first.get("status")).intValue());
        response.setHeader(REPLAYED, "true");
        if (first.get("location") != null) {
            response.setHeader(HttpHeaders.LOCATION, (String) first.get("location"));
        }
        if (first.get("content_type") != null) {
            response.setContentType((String) first.get("content_type"));
        }
        if (first.get("body") != null) {
            response.getOutputStream().write(((String) first.get("body")).getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Forgets keys older than the retention; a cheap indexed delete that any number of instances may run. */
    @Scheduled(fixedDelayString = "${ledger.idempotency.purge-interval:PT10M}", initialDelayString = "PT1M")
    public void purge() {
        jdbc.update("delete from idempotency_key where created_at < ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(retention)));
    }

    private static String hash(String method, String path, String query, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + (query == null ? "" : "?" + query) + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void problem(HttpServletResponse response, ProblemType type, String detail, Map<String, Object> properties)
            throws IOException {
        ProblemDetail problem = type.problem(detail);
        properties.forEach(problem::setProperty);
        Problems.write(response, json, problem);
    }
}
