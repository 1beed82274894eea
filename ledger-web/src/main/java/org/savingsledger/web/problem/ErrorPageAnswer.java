package org.savingsledger.web.problem;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.util.Optional;

/**
 * The error page's answer for a request a side serves as a web page rather than as an API call: a page to read,
 * not problem+json. A side with pages provides one; {@link ProblemErrorPage} asks it first and answers
 * problem+json whenever it is empty, so an API request is answered as it always was.
 */
@FunctionalInterface
public interface ErrorPageAnswer {

    /** The page answering an error of {@code status} for the request to {@code path}; empty when that is no page. */
    Optional<ServerResponse> answer(int status, String path, ServerRequest request);
}
