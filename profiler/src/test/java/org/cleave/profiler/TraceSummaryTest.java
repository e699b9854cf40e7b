package org.cleave.profiler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TraceSummaryTest {
    @Test
    void quantilesInterpolateBetweenOrderStatistics() {
        double[] x = {1, 2, 3, 4};
        assertEquals(1.75, TraceSummary.quantile(x, 0.25), 1e-15);
        assertEquals(2.5, TraceSummary.quantile(x, 0.5), 1e-15);
        assertEquals(3.25, TraceSummary.quantile(x, 0.75), 1e-15);
        assertEquals(7.0, TraceSummary.quantile(new double[] {7}, 0.25), 0);
    }

    @Test
    void warmupRunsAreDroppedAndMicrosecondsBecomeSeconds() throws IOException {
        String trace = "[" + run(0, 100) + "," + kernel("a", "Relu", 10, 50, 16) + ","
                + run(200, 100) + "," + kernel("a", "Relu", 210, 4, 16) + ","
                + run(400, 100) + "," + kernel("a", "Relu", 410, 8, 16) + ","
                + "{\"cat\":\"Node\",\"name\":\"a_fence_before\",\"ts\":409,\"dur\":0,\"args\":{}}]";
        List<NodeTiming> rows = TraceSummary.summarise(trace.getBytes(StandardCharsets.UTF_8), 1, 2,
                Map.of("a", 0), "m.onnx");
        NodeTiming a = rows.get(0);
        assertEquals(2, a.runs());
        assertEquals(4e-6, a.minSeconds(), 0);
        assertEquals(8e-6, a.maxSeconds(), 0);
        assertEquals(6e-6, a.medianSeconds(), 1e-18);
        assertEquals(16, a.outputBytes());
        assertEquals(List.of(new NodeTiming.OutputTensor("float", List.of(2L, 2L))), a.outputs());
    }

    @Test
    void aTraceWithTheWrongNumberOfRunsIsRefused() {
        String trace = "[" + run(0, 100) + "," + kernel("a", "Relu", 10, 50, 16) + "]";
        assertThrows(IllegalStateException.class, () -> TraceSummary.summarise(
                trace.getBytes(StandardCharsets.UTF_8), 1, 2, Map.of("a", 0), "m.onnx"));
    }

    private static String run(long ts, long dur) {
        return "{\"cat\":\"Session\",\"name\":\"model_run\",\"ts\":" + ts + ",\"dur\":" + dur + ",\"args\":{}}";
    }

    private static String kernel(String node, String op, long ts, long dur, long bytes) {
        return "{\"cat\":\"Node\",\"name\":\"" + node + "_kernel_time\",\"ts\":" + ts + ",\"dur\":" + dur
                + ",\"args\":{\"op_name\":\"" + op + "\",\"output_size\":\"" + bytes
                + "\",\"output_type_shape\":[{\"float\":[2,2]}]}}";
    }
}
