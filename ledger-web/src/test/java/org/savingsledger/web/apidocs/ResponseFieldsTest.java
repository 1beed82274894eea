package org.savingsledger.web.apidocs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Which fields an answer's schema requires: those Jackson always writes, on answers only; nullable ones typed so. */
class ResponseFieldsTest {

    enum Colour { RED, GREEN }

    record Answer(String id, @Schema(nullable = true) String note,
                  @Schema(implementation = Colour.class, nullable = true) String colour,
                  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> tags, @JsonUnwrapped Inner inner) {
    }

    record Inner(long version, @Schema(nullable = true) String reason) {
    }

    record Body(String id, String note) {
    }

    @Test
    void answersRequireWhatIsAlwaysWrittenAndRequestsKeepTheirOwnRules() {
        ModelConverters converters = new ModelConverters(true);
        converters.addConverter(new AlwaysWrittenFields());
        Map<String, io.swagger.v3.oas.models.media.Schema> schemas = new java.util.TreeMap<>(converters.readAll(Answer.class));
        schemas.putAll(converters.readAll(Body.class));
        OpenAPI api = new OpenAPI().components(new Components().schemas(schemas)).paths(new Paths().addPathItem("/things",
                new PathItem().post(new Operation()
                        .requestBody(new RequestBody().content(json("Body")))
                        .responses(new ApiResponses().addApiResponse("200", new ApiResponse().description("OK")
                                .content(json("Answer")))))));

        new ResponseFields().customise(api);

        io.swagger.v3.oas.models.media.Schema<?> answer = api.getComponents().getSchemas().get("Answer");
        // tags are left out when empty; the unwrapped record's fields are the answer's own
        assertThat(answer.getRequired()).containsExactlyInAnyOrder("id", "note", "colour", "version", "reason");
        assertThat(answer.getProperties().get("note").getTypes()).containsExactlyInAnyOrder("string", "null");
        assertThat(answer.getProperties().get("id").getTypes()).containsExactly("string");
        assertThat((List<Object>) answer.getProperties().get("colour").getEnum()).containsExactly("RED", "GREEN", null);
        assertThat(api.getComponents().getSchemas().get("Body").getRequired()).isNull();
        assertThat(api.getComponents().getSchemas().values()).allSatisfy(schema -> assertThat(schema.getExtensions())
                .as("the note for ResponseFields is removed").isNull());
    }

    private static Content json(String schema) {
        return new Content().addMediaType("application/json", new MediaType()
                .schema(new io.swagger.v3.oas.models.media.Schema<>().$ref("#/components/schemas/" + schema)));
    }
}
