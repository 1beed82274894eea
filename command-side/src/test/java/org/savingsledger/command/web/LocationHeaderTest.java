package org.savingsledger.command.web;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A create's Location is built on the configured public base URL, whatever Host or X-Forwarded-Host the client sent. */
class LocationHeaderTest extends CommandWebTest {

    @Test
    void theLocationOfACreateIsOnThePublicBaseUrl() throws Exception {
        commandBusAnswers("asc-ph");

        mvc.perform(post("/api/committees").contentType(MediaType.APPLICATION_JSON)
                        .header("Host", "evil.example").header("X-Forwarded-Host", "evil.example")
                        .content("{\"id\": \"asc-ph\", \"organisation\": \"nottinghamshire\", \"name\": \"ASC&PH\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", PUBLIC_BASE_URL + "/api/committees/asc-ph"));
    }
}
