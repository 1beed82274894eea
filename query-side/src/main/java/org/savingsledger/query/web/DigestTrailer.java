package org.savingsledger.query.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Enumeration;
import java.util.Map;

/**
 * An extract's SHA-256 sent after its last byte as an HTTP trailer ({@code Repr-Digest}, RFC 9530), to a client
 * that said it reads trailers: the digest of a streamed body is known only once the body is.
 */
final class DigestTrailer {

    private DigestTrailer() {
    }

    /**
     * Whether the client said it reads trailers ({@code TE: trailers}, RFC 9110 §10.1.4): only then may a
     * trailer be sent (§6.5), and a client that did not ask would drop it or choke on it.
     */
    static boolean accepted(HttpServletRequest request) {
        Enumeration<String> values = request.getHeaders("TE");
        while (values != null && values.hasMoreElements()) {
            for (String coding : values.nextElement().split(",")) {
                if (coding.split(";")[0].trim().equalsIgnoreCase("trailers")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Announces the trailer in the header ({@code Trailer: Repr-Digest}), then sends it after the last chunk. */
    static void offer(HttpServletResponse response, MessageDigest digest) {
        try {
            response.setTrailerFields(() -> Map.of("Repr-Digest",
                    "sha-256=:" + Base64.getEncoder().encodeToString(digest.digest()) + ":"));
            response.setHeader("Trailer", "Repr-Digest");
        } catch (IllegalStateException trailersNotSupported) {
            // an HTTP/1.0 client, say: the ETag is all it gets
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
