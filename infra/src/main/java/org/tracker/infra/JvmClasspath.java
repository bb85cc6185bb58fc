package org.tracker.infra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The classpath this JVM was started with, for starting another JVM that sees the same classes. */
public final class JvmClasspath {

    /** Runs the class named by the system property {@code loader.main}, from the jar's nested classes and jars. */
    private static final String SPRING_BOOT_LAUNCHER = "org.springframework.boot.loader.launch.PropertiesLauncher";
    /** A manifest attribute only Spring Boot's executable jars have. */
    private static final String SPRING_BOOT_CLASSES = "Spring-Boot-Classes";

    private JvmClasspath() {}

    /**
     * The entries of {@code java.class.path}, or, when that is a single jar that only lists the real classpath in its
     * manifest, the entries that manifest lists. Maven Surefire starts its test JVMs that way (a "manifest-only jar",
     * to stay within command-line limits), so under Surefire {@code java.class.path} alone names no class of the
     * project.
     */
    public static List<String> current() {
        // Absolute, because the other JVM may run in another directory.
        List<String> entries = Arrays.stream(
                        System.getProperty("java.class.path").split(File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .toList();
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            List<String> listed = manifestClassPath(Path.of(entries.get(0)));
            if (!listed.isEmpty()) {
                return listed;
            }
        }
        return entries;
    }

    /**
     * What follows {@code -cp classpath} on a command line that runs {@code mainClass}: the class itself, or, when the
     * classpath is a Spring Boot executable jar (as {@code ./tracker bench} runs from), Spring Boot's launcher told to
     * run it, since a plain classpath sees none of the classes and jars nested in such a jar.
     */
    static List<String> mainClassArguments(List<String> classpath, String mainClass) {
        if (classpath.size() == 1 && classpath.get(0).endsWith(".jar") && isSpringBootJar(Path.of(classpath.get(0)))) {
            return List.of("-Dloader.main=" + mainClass, SPRING_BOOT_LAUNCHER);
        }
        return List.of(mainClass);
    }

    private static boolean isSpringBootJar(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(SPRING_BOOT_CLASSES) != null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of " + jar, e);
        }
    }

    private static List<String> manifestClassPath(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath =
                    manifest == null ? null : manifest.getMainAttributes().getValue("Class-Path");
            if (classPath == null || classPath.isBlank()) {
                return List.of();
            }
            // The manifest's entries are URLs, relative to the jar's own location unless absolute.
            URI base = jar.toAbsolutePath().getParent().toUri();
            return Arrays.stream(classPath.trim().split("\\s+"))
                    .map(entry -> Path.of(base.resolve(entry)).toString())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the manifest of " + jar, e);
        }
    }
}
