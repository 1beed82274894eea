package org.savingsledger.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;

/** An import's answer written for people at a terminal, and the exit status it means. */
final class ImportAnswer {

    private ImportAnswer() {
    }

    static int print(int status, JsonNode answer, PrintStream out) {
        if (status != 200) {
            out.println(status + " " + answer.path("title").asText() + ": " + answer.path("detail").asText());
            answer.path("problems").forEach(problem -> out.println("  " + where(problem) + problem.path("message").asText()));
            answer.path("written").forEach(step -> out.println("  written: row " + step.path("row").asInt() + " "
                    + step.path("savingId").asText() + " " + step.path("summary").asText()));
            return 1;
        }
        out.println(answer.path("file").asText() + " (sheet " + answer.path("sheet").asText() + "), as at "
                + answer.path("asAt").asText() + ", " + answer.path("units").asText() + ": " + answer.path("outcome").asText()
                + ", " + answer.path("commandCount").asInt() + " command(s)"
                + (answer.path("dryRun").asBoolean() ? " (dry run: nothing was written)" : ""));
        answer.path("rows").forEach(row -> {
            out.println("row " + row.path("row").asInt() + " " + row.path("savingId").asText()
                    + (row.path("commands").isEmpty() ? ": as the ledger has it" : ""));
            row.path("commands").forEach(command -> out.println("  " + command.path("command").asText() + ": "
                    + command.path("summary").asText()));
        });
        answer.path("problems").forEach(problem -> out.println("problem " + where(problem) + problem.path("message").asText()));
        answer.path("leftOut").forEach(left -> out.println("left out: " + left.asText()));
        if (!answer.path("consistencyToken").isNull() && !answer.path("consistencyToken").isMissingNode()) {
            out.println("consistencyToken " + answer.path("consistencyToken").asText());
        }
        return answer.path("problems").isEmpty() ? 0 : 1;
    }

    private static String where(JsonNode problem) {
        return problem.path("cell").isTextual() ? problem.path("cell").asText() + ": " : "";
    }
}
