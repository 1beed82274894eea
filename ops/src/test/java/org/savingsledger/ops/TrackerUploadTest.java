package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.savingsledger.ops.cli.TrackerUpload;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar savings-ledger.jar import FILE …} against a running ledger: a dry run, a commit, the same again. */
@AllInOneTest
class TrackerUploadTest {

    @LocalServerPort
    int port;

    @TempDir
    Path directory;

    @Test
    void dryRunCommitAndTheSameFileAgainPrintWhatTheLedgerAnswered() throws IOException {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String organisation = "county-" + unique;
        String programme = "prog-" + unique;
        ApiClient api = new ApiClient(port).withOrganisation(organisation);
        assertThat(api.post("/api/programmes", """
                {"id": "%s", "organisation": "%s", "name": "Transformation", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2019/20", "effectiveDate": "2018-02-26"}""".formatted(programme, organisation))
                .status()).isEqualTo(201);
        Path tracker = directory.resolve("tracker.csv");
        Files.writeString(tracker, "As at,2018-03-12\r\nUnits,£\r\n\r\nProgramme,Saving id,Title,Stage,Confidence,Planned 2018/19\r\n"
                + programme + ",UP " + unique + ",Day services,Concept,Stretch,\"250,000\"\r\n", StandardCharsets.UTF_8);
        String[] dryRun = {tracker.toString(), "--url=http://localhost:" + port, "--organisation=" + organisation};
        String[] commit = {tracker.toString(), "--url=http://localhost:" + port, "--organisation=" + organisation, "--commit"};

        Printed first = upload(dryRun);
        assertThat(first.status).isZero();
        assertThat(first.text).startsWith("tracker.csv (sheet tracker), as at 2018-03-12, £: CHECKED, 1 command(s) "
                + "(dry run: nothing was written)\nrow 5 up-" + unique + "\n  ProposeSaving: propose saving \"Day services\" in "
                + programme + ", planned 2018/19 £250,000.00\n");

        Printed written = upload(commit);
        assertThat(written.status).isZero();
        assertThat(written.text).contains(": WRITTEN, 1 command(s)\n").contains("consistencyToken ");

        Printed again = upload(commit);
        assertThat(again.text).contains(": NOTHING_TO_WRITE, 0 command(s)\n").contains("row 5 up-" + unique + ": as the ledger has it");

        Printed wrongPassword = upload(dryRun, "not-the-password");
        assertThat(wrongPassword.status).isEqualTo(1);
        assertThat(wrongPassword.text).startsWith("401 ");
        assertThat(upload(new String[] {tracker.toString()}).status).isEqualTo(2);
    }

    private record Printed(int status, String text) {
    }

    private static Printed upload(String[] args) {
        return upload(args, AllInOneTest.ADMIN_PASSWORD);
    }

    private static Printed upload(String[] args, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int status = TrackerUpload.run(args, password, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Printed(status, out.toString(StandardCharsets.UTF_8).replace("\r\n", "\n"));
    }
}
