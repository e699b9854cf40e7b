package org.cleave.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.cleave.instances.Examples;
import org.cleave.instances.io.InstanceJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 21, item 13: the README's Java snippet compiles as shown, with its imports, and runs; the
 * README and the pages in {@code docs/} link nothing outside the repository.
 */
class ReadmeTest {
    @TempDir
    Path dir;

    /** The checkout's root: the parent of the cli module that surefire runs in. */
    static Path root() {
        Path cli = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        return cli.getParent();
    }

    /** The first ```java block after the heading "## Using Cleave as a library". */
    static String snippet() throws Exception {
        String readme = Files.readString(root().resolve("README.md"));
        int section = readme.indexOf("## Using Cleave as a library");
        assertTrue(section >= 0, "README has no library section");
        int start = readme.indexOf("```java\n", section);
        int end = readme.indexOf("\n```", start + 8);
        assertTrue(start >= 0 && end > start, "no java block in the library section");
        return readme.substring(start + 8, end + 1);
    }

    @Test
    void theLibrarySnippetCompilesAndRunsAsShown() throws Exception {
        String source = snippet();
        Matcher m = Pattern.compile("public class (\\w+)").matcher(source);
        assertTrue(m.find(), "the snippet declares no public class:\n" + source);
        String name = m.group(1);
        Path file = dir.resolve(name + ".java");
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath",
                            System.getProperty("java.class.path"), "-d", dir.toString(), "-Xlint:all", "-Werror"),
                    null, files.getJavaFileObjects(file)).call();
            assertTrue(ok, "the README snippet does not compile: " + diagnostics.getDiagnostics());
        }
        Path instance = dir.resolve("instance.json");
        InstanceJson.write(Examples.load("tiny-yolov2-4g"), instance);
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                getClass().getClassLoader())) {
            Method main = loader.loadClass(name).getMethod("main", String[].class);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            main.invoke(null, (Object) new String[] {instance.toString()});
        } finally {
            System.setOut(stdout);
        }
        String printed = captured.toString(StandardCharsets.UTF_8);
        assertTrue(printed.startsWith("OPTIMAL: latency 0.48"), printed);
    }

    @Test
    void readmeAndDocsLinkNothingOutsideTheRepository() throws Exception {
        Path root = root();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        Pattern link = Pattern.compile("\\]\\(([^)\\s]+)\\)");
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = link.matcher(Files.readString(page));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("#")
                        || target.startsWith("mailto:")) {
                    continue;
                }
                String path = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                Path resolved = page.getParent().resolve(path).normalize();
                if (!resolved.startsWith(root) || !Files.exists(resolved)) {
                    broken.add(root.relativize(page) + ": " + target);
                }
            }
        }
        assertEquals(List.of(), broken, "links that leave the repository or point at nothing");
        assertFalse(Files.readString(root.resolve("README.md")).contains("../shared"));
    }
}
