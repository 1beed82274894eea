package org.savingsledger.ops.cli;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar savings-ledger.jar import FILE --organisation=ID [--commit] …}: sends a tracker to a
 * running ledger's {@code POST /api/imports} and prints its answer for people. A dry run unless
 * {@code --commit}; the password comes from {@code LEDGER_PASSWORD} or is asked for. Exit status 0
 * when the tracker was checked or written, 1 when it has problems or was refused, 2 when it could not
 * be sent.
 */
public final class TrackerUpload {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String USAGE = "usage: import FILE --organisation=ID [--commit] [--url=http://localhost:8080] "
            + "[--user=admin] [--mapping=MAPPING.json] [--report=REPORT.xlsx]   (password: LEDGER_PASSWORD, or asked)";

    private TrackerUpload() {
    }

    public static void main(String[] args) {
        String password = System.getenv("LEDGER_PASSWORD");
        if (password == null) {
            Console console = System.console();
            password = console == null ? "" : new String(console.readPassword("password: "));
        }
        System.exit(run(args, password, System.out));
    }

    /** Runs the upload and returns its exit status; what it says goes to {@code out}. */
    public static int run(String[] args, String password, PrintStream out) {
        Map<String, String> options = new HashMap<>(Map.of("url", "http://localhost:8080", "user", "admin"));
        String file = null;
        for (String arg : args) {
            if (arg.equals("--commit")) {
                options.put("commit", "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (file == null && !arg.startsWith("--")) {
                file = arg;
            } else {
                out.println("unknown argument " + arg + "\n" + USAGE);
                return 2;
            }
        }
        if (file == null || !options.containsKey("organisation")) {
            out.println(USAGE);
            return 2;
        }
        try {
            return upload(Path.of(file), options, password, out);
        } catch (IOException e) {
            out.println("could not send " + file + " to " + options.get("url") + ": " + e.getMessage());
            return 2;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 2;
        }
    }

    private static int upload(Path file, Map<String, String> options, String password, PrintStream out)
            throws IOException, InterruptedException {
        String boundary = "savings-ledger-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "file", file.getFileName().toString(), Files.readAllBytes(file));
        if (options.containsKey("mapping")) {
            part(body, boundary, "mapping", null, Files.readAllBytes(Path.of(options.get("mapping"))));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        String url = options.get("url").replaceAll("/+$", "") + "/api/imports?organisation="
                + java.net.URLEncoder.encode(options.get("organisation"), StandardCharsets.UTF_8)
                + "&dryRun=" + !options.containsKey("commit");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (options.get("user") + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (options.containsKey("report")) {
            HttpResponse<byte[]> workbook = http.send(request.header("Accept",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet").build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (workbook.statusCode() == 200) {
                Files.write(Path.of(options.get("report")), workbook.body());
            }
        }
        return ImportAnswer.print(response.statusCode(), JSON.readTree(response.body()), out);
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String fileName, byte[] content) {
        String disposition = "form-data; name=\"" + name + "\"" + (fileName == null ? "" : "; filename=\"" + fileName + "\"");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: " + disposition + "\r\nContent-Type: "
                + (fileName == null ? "application/json" : "application/octet-stream") + "\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
