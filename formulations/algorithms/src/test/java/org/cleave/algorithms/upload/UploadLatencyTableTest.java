package org.cleave.algorithms.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.junit.jupiter.api.Test;

/**
 * Produces the parallel-versus-serial table on AlexNet- and VGG-16-shaped chains (device
 * 10 or 1 GFLOP/s, edge 1 TFLOP/s, Neurosurgeon's uplinks) and checks what must hold: the parallel
 * optimum is never worse than the serial optimum, nor than the serial plan run in parallel.
 */
class UploadLatencyTableTest {
    @Test
    void publishedShapesHaveTheKnownParameterCounts() {
        double alex = PublishedChains.alexNet().layers().stream().mapToDouble(l -> l.paramBytes()).sum() / 4;
        double vgg = PublishedChains.vgg16().layers().stream().mapToDouble(l -> l.paramBytes()).sum() / 4;
        assertEquals(60_965_224, alex, 0.5);   // AlexNet (grouped), 61.0 M
        assertEquals(138_357_544, vgg, 0.5);   // VGG-16, 138.4 M
    }

    @Test
    void parallelUploadingNeverLosesOnPublishedChains() {
        Map<String, DnnGraph> models = new LinkedHashMap<>();
        models.put("AlexNet-chain", PublishedChains.alexNet());
        models.put("VGG16-chain", PublishedChains.vgg16());
        for (double deviceFlops : new double[] {1e10, 1e9}) {
            List<UploadLatencyTable.Row> rows = UploadLatencyTable.rows(models, new Device(deviceFlops, 2, 1, 0.5),
                    new EdgeServer(1e12), UploadLatencyTable.NETWORKS);
            System.out.println("device " + deviceFlops + " FLOP/s, edge 1e12 FLOP/s\n" + UploadLatencyTable.markdown(rows));
            check(rows);
        }
    }

    private static void check(List<UploadLatencyTable.Row> rows) {
        for (UploadLatencyTable.Row r : rows) {
            assertTrue(r.parallelSeconds() <= r.serialSeconds() * (1 + 1e-12), r.toString());
            assertTrue(r.parallelSeconds() <= r.parallelOfSerialPlanSeconds() * (1 + 1e-12), r.toString());
            assertTrue(r.parallelOfSerialPlanSeconds() <= r.serialSeconds() * (1 + 1e-12), r.toString());
        }
    }
}
