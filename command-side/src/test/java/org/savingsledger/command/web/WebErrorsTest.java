package org.savingsledger.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Spring MVC's own refusals are problem+json with URN types too. */
class WebErrorsTest extends CommandWebTest {

    @Test
    void anUnknownPathIsA404() throws Exception {
        postJson("/api/nothing-here", "{}")
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-found"))
                .andExpect(jsonPath("$.status").value(404));
        mvc.perform(get("/api/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aWrongMethodIsA405() throws Exception {
        mvc.perform(get("/api/savings/col-a/rag"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:method-not-allowed"));
    }

    @Test
    void aBodyThatIsNotJsonIsA415() throws Exception {
        mvc.perform(post("/api/savings/col-a/rag").contentType(MediaType.TEXT_PLAIN).content("RED"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:unsupported-media-type"));
    }

    @Test
    void anAcceptThatExcludesJsonIsA406() throws Exception {
        mvc.perform(post("/api/savings/col-a/rag").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_PLAIN)
                        .content("{\"status\": \"RED\", \"reason\": \"r\"}"))
                .andExpect(status().isNotAcceptable())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:savings-ledger:problem:not-acceptable"));
    }
}
