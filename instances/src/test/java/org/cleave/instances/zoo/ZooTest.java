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
