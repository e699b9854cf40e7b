package org.cleave.profiler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnnxGraphNodesTest {
    private static OnnxGraphNodes.Node node(int i, String name, String... outputs) {
        return new OnnxGraphNodes.Node(i, name, "Relu", List.of(outputs));
    }

    @Test
    void canonicalIdsFollowTheContract() {
        List<OnnxGraphNodes.Node> nodes = List.of(
                node(0, "conv1", "t0"),     // unique name
                node(1, "", "t1"),          // empty name: first output
                node(2, "dup", "t2"),       // duplicate name: first output
                node(3, "dup", "t3", "t4"),
                node(4, "t5", "t6"),        // a name equal to another node's output
                node(5, "", "t5"));         // ... so the later one collides and gets #index
        assertEquals(List.of("conv1", "t1", "t2", "t3", "t5", "t5#5"), OnnxGraphNodes.canonicalIds(nodes));
    }

    @Test
    void renamingSetsEveryNameAndKeepsEveryOtherByte() throws IOException {
        Path model = SharedModels.model("ch_ppocr_mobile_v2.0_cls_infer.onnx");
        byte[] bytes = Files.readAllBytes(model);
        List<OnnxGraphNodes.Node> nodes = OnnxGraphNodes.decode(bytes, "cls");
        List<String> ids = OnnxGraphNodes.canonicalIds(nodes);
        List<String> fresh = ids.stream().map(id -> "n:" + id).toList();
        List<OnnxGraphNodes.Node> renamed = OnnxGraphNodes.decode(OnnxGraphNodes.renameNodes(bytes, fresh), "cls");
        assertEquals(fresh, renamed.stream().map(OnnxGraphNodes.Node::name).toList());
        for (int i = 0; i < nodes.size(); i++) {
            assertEquals(nodes.get(i).opType(), renamed.get(i).opType());
            assertEquals(nodes.get(i).outputs(), renamed.get(i).outputs());
        }
        // only names change: renaming a renamed file again with the same names is the identity
        byte[] once = OnnxGraphNodes.renameNodes(bytes, fresh);
        assertArrayEquals(once, OnnxGraphNodes.renameNodes(once, fresh));
    }
}
