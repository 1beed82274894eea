package org.savingsledger.ops;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production sign-in: bearer tokens of an OpenID Connect provider (here signed by a test key, see
 * {@link AllInOneTest}) whose {@code roles} and {@code organisations} claims decide, and whose
 * {@code preferred_username} is the actor recorded on events.
 */
@AllInOneTest
class BearerTokenTest {

    @LocalServerPort
    int port;

    @Test
    void aTokensRolesAndOrganisationsDecideAndItsUserIsTheActor() throws Exception {
        String finance = token("j.smith", List.of("FINANCE"), List.of("nottinghamshire"), Instant.now().plusSeconds(300));
        HttpResponse<String> launched = send("POST", "/api/programmes", finance, """
                {"organisation": "nottinghamshire", "name": "Bearer", "savingsTarget": 10, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""");
        assertThat(launched.statusCode()).as(launched.body()).isEqualTo(201);
        String id = launched.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
        String token = launched.body().replaceAll(".*\"consistencyToken\":\"([^\"]+)\".*", "$1");

        HttpResponse<String> history = send("GET", "/api/programmes/" + id + "/savings?consistencyToken=" + token, finance, null);
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(send("GET", "/api/bi/changes.jsonl?programme=" + id, finance, null).body()).contains("\"actor\":\"j.smith\"");

        assertThat(send("POST", "/api/programmes", finance, """
                {"organisation": "leicestershire", "name": "Not mine", "savingsTarget": 10, "firstYear": "2018/19",
                 "lastYear": "2018/19"}""").statusCode()).isEqualTo(403);
        String leicsViewer = token("a.jones", List.of("VIEWER"), List.of("leicestershire"), Instant.now().plusSeconds(300));
        assertThat(send("GET", "/api/programmes/" + id, leicsViewer, null).statusCode()).isEqualTo(404);
        assertThat(send("POST", "/api/programmes/" + id + "/target", leicsViewer, "{\"savingsTarget\": 1, \"reason\": \"r\"}")
                .statusCode()).isEqualTo(403);

        String expired = token("j.smith", List.of("FINANCE"), List.of("nottinghamshire"), Instant.now().minusSeconds(300));
        HttpResponse<String> refused = send("GET", "/api/programmes/" + id, expired, null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(send("GET", "/api/programmes/" + id, "not-a-token", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aTokenWithoutRolesIsRefusedAReadWhateverTheMethod() throws Exception {
        String noRoles = token("n.body", List.of(), List.of("nottinghamshire"), Instant.now().plusSeconds(300));
        for (String path : List.of("/api/programmes", "/api/bi/savings.csv", "/odata/programmes")) {
            for (String method : List.of("GET", "HEAD", "OPTIONS", "DELETE")) {
                HttpResponse<String> refused = send(method, path, noRoles, null);
                assertThat(refused.statusCode()).as(method + " " + path).isEqualTo(403);
                assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                        .startsWith("application/problem+json"));
            }
        }
    }

    private HttpResponse<String> send(String method, String path, String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + bearer);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String user, List<String> roles, List<String> organisations, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject("sub-" + user).claim("preferred_username", user)
                .claim("roles", roles).claim("organisations", organisations).issueTime(new Date())
                .expirationTime(Date.from(expires)).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        jwt.sign(new RSASSASigner(privateKey()));
        return jwt.serialize();
    }

    private static RSAPrivateKey privateKey() throws Exception {
        try (var in = BearerTokenTest.class.getResourceAsStream("/jwt/test-signing-key.pk8.pem")) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPrivateKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        }
    }
}
