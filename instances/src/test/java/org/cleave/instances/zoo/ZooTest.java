package org.cleave.instances.zoo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ZooTest {
    static java.util.List<String> names() {
        return Zoo.names();
    }

    /** torchvision's parameter counts (sum of p.numel() over model.parameters(), aux classifiers off). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"alexnet, 61100840", "vgg16, 138357544", "resnet18, 11689512", "resnet50, 25557032",
            "googlenet, 6624904", "inception-v3, 23834568", "mobilenetv2, 3504872"})
    void parameterCountsEqualTorchvision(String name, long parameters) {
        assertEquals(parameters, Zoo.get(name).parameters());
    }

    /** Conv + linear multiply-accumulates within 2 % of the published figures. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"alexnet, 0.714", "vgg16, 15.47", "resnet18, 1.814", "resnet50, 4.089", "googlenet, 1.50",
            "inception-v3, 5.71", "mobilenetv2, 0.30"})
    void multiplyAccumulatesWithinTwoPercent(String name, double giga) {
        double macs = Zoo.get(name).convLinearMultiplyAccumulates() / 1e9;
        assertEquals(giga, macs, 0.02 * giga, name + ": " + macs + " GMACs");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"resnet50, layer4.2.relu, 2048x7x7", "inception-v3, Mixed_7c.cat, 2048x8x8",
            "inception-v3, Mixed_6e.cat, 768x17x17", "inception-v3, Mixed_5d.cat, 288x35x35",
            "resnet18, layer4.1.relu, 512x7x7", "resnet18, maxpool, 64x56x56", "googlenet, inception4e.cat, 832x14x14",
            "googlenet, inception5b.cat, 1024x7x7", "googlenet, maxpool1, 64x56x56", "alexnet, features.12, 256x6x6",
            "vgg16, features.30, 512x7x7", "mobilenetv2, features.18.2, 1280x7x7", "mobilenetv2, features.16.add, 160x7x7",
            "nin, pool3, 384x6x6", "nin, flatten, 1000x1x1", "tiny-yolov2, maxpool6, 512x13x13",
            "tiny-yolov2, conv9, 125x13x13", "b-alexnet, pool2, 64x8x8", "b-alexnet, pool5, 64x4x4"})
    void outputShapesAtKnownLayers(String model, String layer, String shape) {
        assertEquals(shape, Zoo.get(model).layer(layer).outputShape().toString());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void blockViewIsAChainOfCutVertices(String name) {
        ZooModel m = Zoo.get(name);
        DnnGraph dag = m.layerGraph();
        DnnGraph chain = m.blockGraph();
        assertTrue(chain.isChain(), name);
        int cuts = 0;
        for (int v = 0; v < dag.size(); v++) {
            cuts += dag.isCutVertex(v) ? 1 : 0;
        }
        assertEquals(cuts, chain.size(), name);
        for (var layer : chain.layers()) {
            assertTrue(dag.isCutVertex(dag.indexOf(layer.id())), name + ": block " + layer.id());
        }
        double dagFlops = dag.layers().stream().mapToDouble(l -> l.flops()).sum();
        double chainFlops = chain.layers().stream().mapToDouble(l -> l.flops()).sum();
        assertEquals(dagFlops, chainFlops, 1e-9 * dagFlops, name);
        assertEquals(dag.output().outputBytes(), chain.output().outputBytes());
        assertEquals(dag.exits(), chain.exits());
        assertEquals(m.flops(), dagFlops, 1e-9 * dagFlops);
        assertEquals(2.0 * m.convLinearMultiplyAccumulates(), m.layers().stream()
                .filter(l -> l.kind() == LayerKind.CONV || l.kind() == LayerKind.LINEAR)
                .mapToDouble(ZooLayer::flops).sum());
    }

    @Test
    void residualAddsAndInceptionConcatsAreJoins() {
        DnnGraph r = Zoo.get("resnet18").layerGraph();
        assertEquals(2, r.inDegree(r.indexOf("layer2.0.add")));
        assertTrue(!r.isChain() && !r.isCutVertex(r.indexOf("layer2.0.conv1")));
        DnnGraph g = Zoo.get("inception-v3").layerGraph();
        assertEquals(4, g.inDegree(g.indexOf("Mixed_7c.cat")));
        assertTrue(g.isCutVertex(g.indexOf("Mixed_7c.cat")));
        assertTrue(Zoo.get("vgg16").layerGraph().isChain());
    }

    @Test
    void bAlexNetHasBranchyNetsExitShares() {
        ZooModel m = Zoo.get("b-alexnet");
        java.util.List<Exit> exits = m.exits();
        assertEquals(java.util.List.of("norm1", "norm2", "fc3"), exits.stream().map(Exit::afterLayer).toList());
        assertEquals(0.656, exits.get(0).exitRate(), 1e-12);
        assertEquals(0.252, exits.get(1).exitRate() - exits.get(0).exitRate(), 1e-12);
        assertEquals(0.092, exits.get(2).exitRate() - exits.get(1).exitRate(), 1e-12);
        double accuracy = exits.get(0).exitRate() * exits.get(0).accuracy();
        for (int j = 1; j < exits.size(); j++) {
            accuracy += (exits.get(j).exitRate() - exits.get(j - 1).exitRate()) * exits.get(j).accuracy();
        }
        assertEquals(0.7919, accuracy, 1e-12);
        // branch 1: two 32->32 convs at 8x8, linear 512->10; branch 2: conv 64->32 at 4x4, linear 128->10
        assertTrue(exits.get(0).flops() > 2.0 * (2 * 8 * 8 * 32 * 32 * 9 + 512 * 10));
        assertTrue(exits.get(1).flops() > 2.0 * (4 * 4 * 32 * 64 * 9 + 128 * 10));
        assertTrue(exits.get(0).accuracy() < exits.get(1).accuracy() && exits.get(1).accuracy() < exits.get(2).accuracy());
        assertTrue(exits.get(0).flops() > exits.get(1).flops());
        for (Exit e : exits) {
            assertTrue(m.layerGraph().isCutVertex(m.layerGraph().indexOf(e.afterLayer())));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"resnet18-exits, 4", "resnet50-exits, 4", "vgg16-exits, 5", "mobilenetv2-exits, 5"})
    void multiExitVariantsHaveExitsOnCutVerticesAndOverridableStatistics(String name, int count) {
        ZooModel m = Zoo.get(name);
        assertEquals(count, m.exits().size());
        assertTrue(m.exitStatisticsSource().startsWith("assumption"));
        for (Exit e : m.exits()) {
            assertTrue(m.blockGraph().isCutVertex(m.blockGraph().indexOf(e.afterLayer())));
            assertTrue(m.layerGraph().isCutVertex(m.layerGraph().indexOf(e.afterLayer())));
        }
        java.util.List<ExitStatistic> mine = new java.util.ArrayList<>();
        for (int j = 0; j < count; j++) {
            mine.add(new ExitStatistic(j == count - 1 ? 1.0 : 0.1 * (j + 1), 0.9));
        }
        ZooModel o = m.withExitStatistics(mine, "my trace");
        assertEquals(0.1, o.exits().get(0).exitRate());
        assertEquals(0.9, o.blockGraph().exits().get(0).accuracy());
        assertEquals(m.exits().get(0).flops(), o.exits().get(0).flops());
        assertEquals("my trace", o.exitStatisticsSource());
        assertThrows(IllegalArgumentException.class, () -> m.withExitStatistics(mine.subList(0, 1), "x"));
        java.util.List<ExitStatistic> decreasing = new java.util.ArrayList<>(mine);
        decreasing.set(0, new ExitStatistic(0.99, 0.9));
        assertThrows(IllegalArgumentException.class, () -> m.withExitStatistics(decreasing, "x"));
    }

    @Test
    void dataTypeSetsBytesAndUnknownNamesAreListed() {
        ZooModel f32 = Zoo.get("resnet18");
        ZooModel f16 = Zoo.get("resnet18", DataType.FLOAT16);
        assertEquals(3 * 224 * 224 * 4, f32.layerGraph().input().outputBytes());
        assertEquals(f32.layer("fc").paramBytes() / 2, f16.layer("fc").paramBytes());
        assertEquals(f32.parameters(), f16.parameters());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Zoo.get("lenet"));
        assertTrue(e.getMessage().contains("\"lenet\"") && e.getMessage().contains("resnet18"), e.getMessage());
    }

    @Test
    void shapeInferenceRejectsBadLayers() {
        ShapeInference n = ShapeInference.start("in", new Shape(3, 8, 8), DataType.FLOAT32);
        String a = n.conv("a", n.input(), Conv.of(4, 3).pad(1));
        String b = n.conv("b", n.input(), Conv.of(4, 3));
        assertThrows(IllegalArgumentException.class, () -> n.add("sum", a, b));
        assertThrows(IllegalArgumentException.class, () -> n.linear("fc", a, 10));
        assertThrows(IllegalArgumentException.class, () -> n.conv("g", a, Conv.of(6, 1).groups(4)));
        assertThrows(IllegalArgumentException.class, () -> n.conv("a", a, Conv.of(4, 1)));
        assertThrows(IllegalArgumentException.class, () -> n.conv("big", b, Conv.of(4, 9)));
        String dw = n.conv("dw", a, Conv.of(4, 3).pad(1).groups(4).noBias());
        assertEquals(4 * 8 * 8 * 9, n.layer(dw).multiplyAccumulates());
        assertEquals(36, n.layer(dw).parameters());
    }

    @Test
    void printsTheFigures() {
        for (String name : Zoo.names()) {
            ZooModel m = Zoo.get(name);
            System.out.printf("%-18s params %,13d  MACs %,15d  layers %4d  blocks %3d  exits %d%n", name,
                    m.parameters(), m.convLinearMultiplyAccumulates(), m.layers().size(),
                    m.blockGraph().size(), m.exits().size());
        }
    }
}
