package org.savingsledger.web.problem;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.io.IOException;

/** Sending a problem: from a handler as a response entity, or from a filter straight onto the response. */
public final class Problems {

    private Problems() {
    }

    /** {@code problem} with its status and the problem media type. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return respond(problem, new HttpHeaders());
    }

    /** {@code problem} with its status, {@code headers} and the problem media type. */
    public static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Writes {@code problem} as the whole response, for filters and handlers outside Spring MVC. */
    public static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
