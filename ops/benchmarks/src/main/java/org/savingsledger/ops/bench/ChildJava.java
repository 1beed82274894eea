package org.savingsledger.ops.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line that runs a main class of the harness's classpath in a JVM of its own. */
final class ChildJava {

    private ChildJava() {
    }

    /** {@code java <jvm options> … main}: inside the Spring Boot jar through its launcher, which finds the nested jars. */
    static List<String> command(Class<?> main, List<String> jvm) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvm);
        command.add("-Daxoniq.update-checker.disabled=true");
        if (main.getClassLoader() != ClassLoader.getSystemClassLoader()) {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-Dloader.main=" + main.getName(),
                    "org.springframework.boot.loader.launch.PropertiesLauncher"));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        }
        return command;
    }
}
