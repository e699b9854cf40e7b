package org.cleave.profiler;

import org.cleave.core.testing.SharedData;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shared ONNX models ({@code $CLEAVE_DATA/onnx}, default {@code ../shared/data/onnx} from the
 * repository root) and an
 * independent decode of their nodes, written for the tests apart from the profiler's own.
 */
final class SharedModels {
    private SharedModels() {
    }

    /** The shared model file; the test is skipped, with the reason, when the data are absent. */
    static Path model(String fileName) {
        Path file = data().resolve("onnx").resolve(fileName);
        assumeTrue(Files.isRegularFile(file), "shared ONNX model " + file.toAbsolutePath()
                + " is absent (set CLEAVE_DATA to the shared data folder)");
        return file;
    }

    /**
     * {@code $CLEAVE_DATA}, else {@code shared/data} beside the repository root (the folder holding
     * {@code mvnw}), which is {@code ../shared/data} seen from the root.
     */
    static Path data() {
        return SharedData.dir();
    }

    /** A node as the test decodes it. */
    record TestNode(String name, String opType, List<String> outputs) {
    }

    /** The main graph's nodes, decoded by field number (ModelProto 7 → GraphProto 1 → NodeProto 2,3,4). */
    static List<TestNode> nodes(Path model) throws IOException {
        ByteString graph = field(ByteString.copyFrom(Files.readAllBytes(model)), 7).get(0);
        List<TestNode> nodes = new ArrayList<>();
        for (ByteString n : field(graph, 1)) {
            List<ByteString> names = field(n, 3);
            List<ByteString> ops = field(n, 4);
            nodes.add(new TestNode(names.isEmpty() ? "" : names.get(0).toStringUtf8(), ops.get(0).toStringUtf8(),
                    field(n, 2).stream().map(ByteString::toStringUtf8).toList()));
        }
        return nodes;
    }

    /** The contract's canonical ids, computed the plain way: count, then pick. */
    static List<String> canonicalIds(List<TestNode> nodes) {
        Map<String, Integer> names = new HashMap<>();
        nodes.forEach(n -> names.merge(n.name(), 1, Integer::sum));
        List<String> first = new ArrayList<>();
        for (TestNode n : nodes) {
            first.add(!n.name().isEmpty() && names.get(n.name()) == 1 ? n.name() : n.outputs().get(0));
        }
        Map<String, Integer> counts = new HashMap<>();
        first.forEach(c -> counts.merge(c, 1, Integer::sum));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            ids.add(counts.get(first.get(i)) > 1 ? first.get(i) + "#" + i : first.get(i));
        }
        return ids;
    }

    private static List<ByteString> field(ByteString message, int number) throws IOException {
        List<ByteString> values = new ArrayList<>();
        CodedInputStream in = message.newCodedInput();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (tag >>> 3 == number && (tag & 7) == 2) {
                values.add(in.readBytes());
            } else {
                in.skipField(tag);
            }
        }
        return values;
    }
}
