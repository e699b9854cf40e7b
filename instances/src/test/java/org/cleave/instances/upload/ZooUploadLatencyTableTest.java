package org.cleave.instances.upload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cleave.algorithms.upload.UploadLatencyTable;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Link;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.junit.jupiter.api.Test;

/**
 * MJOA-MU's parallel-versus-serial latency table on the zoo's block views of AlexNet, VGG-16,
 * ResNet-18 and MobileNetV2 over 3G, 4G and WiFi (DADS Table I uplinks), with the {@code rpi4}
 * device and the {@code gpu} edge. Printed; the checks are the ones that must hold whatever
 * the figures: parallel is never slower than serial, for the optimal plans and for the same plan.
 */
class ZooUploadLatencyTableTest {
    @Test
    void printsTheTableAndParallelNeverLoses() {
        Map<String, DnnGraph> models = new LinkedHashMap<>();
        for (String m : List.of("alexnet", "vgg16", "resnet18", "mobilenetv2")) {
            models.put(m, Zoo.get(m).blockGraph());
        }
        Map<String, Link> networks = new LinkedHashMap<>();
        for (String n : List.of("3g", "4g", "wifi")) {
            networks.put(n, Profiles.network(n));
        }
        List<UploadLatencyTable.Row> rows = UploadLatencyTable.rows(models, Profiles.device("rpi4"),
                Profiles.edge("gpu"), networks);
        System.out.println("P5 parallel vs serial uploading, zoo block views, rpi4 + gpu:");
        System.out.println(UploadLatencyTable.markdown(rows));
        assertEquals(12, rows.size());
        for (UploadLatencyTable.Row r : rows) {
            assertTrue(r.parallelSeconds() <= r.serialSeconds() * (1 + 1e-12), r.toString());
            assertTrue(r.parallelOfSerialPlanSeconds() <= r.serialSeconds() * (1 + 1e-12), r.toString());
            assertTrue(r.maxSamePlanReduction() >= 0, r.toString());
        }
    }
}
