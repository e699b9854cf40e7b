package org.cleave.algorithms.exits;

import org.cleave.core.model.Device;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.EdgeServer;
import org.cleave.core.model.Exit;
import org.cleave.core.model.Layer;
import org.cleave.core.model.Link;

/**
 * Test fixture: BranchyNet's B-AlexNet on CIFAR-10 (Teerapittayanon et al., ICPR 2016,
 * doi:10.1109/ICPR.2016.7900006), until the model zoo's {@code b-alexnet} is on this branch —
 * then these tests should switch to it.
 *
 * <p>Shapes (float32, 32 × 32 × 3 input): conv1 5×5×32 + 3/2 max-pool → 32×15×15; conv2 5×5×64 +
 * pool → 64×7×7; conv3 3×3×96, conv4 3×3×96, conv5 3×3×64 + pool → 64×3×3; fc 576→256→128→10.
 * FLOPs = 2 × multiply-accumulates. Exit 1 after conv1 (branch: 3×3×32 conv on 15×15 + fc),
 * exit 2 after conv2 (branch: 3×3×32 conv on 7×7 + fc). Published: 65.6 % of the samples leave at
 * exit 1, 25.2 % at exit 2 and 9.2 % at the final classifier; overall accuracy 79.19 %. The
 * per-exit accuracies are <b>assumed</b> (0.78, 0.80, final 0.854), chosen increasing in depth
 * so that 0.656·0.78 + 0.252·0.80 + 0.092·0.854 = 0.7919.
 */
final class BAlexNetFixture {
    static final double FINAL_ACCURACY = (0.7919 - 0.656 * 0.78 - 0.252 * 0.80) / 0.092;

    /** A mobile-class device (2.5 GFLOP/s effective) and an edge 40× faster. */
    static final Device DEVICE = new Device(2.5e9, 2.0, 1.3, 0.3);
    static final EdgeServer EDGE = new EdgeServer(1e11);
    /** 3G: 1.1 Mbit/s up (Neurosurgeon's measurement), 2 Mbit/s down. */
    static final Link THREE_G = new Link(1.1e6, 2e6, 0.005);
    /** LTE CAT1: 5 Mbit/s up, 10 Mbit/s down. */
    static final Link CAT1 = new Link(5e6, 10e6, 0.005);
    /** WiFi: 18.88 Mbit/s up (Neurosurgeon's measurement), 50 Mbit/s down. */
    static final Link WIFI = new Link(18.88e6, 50e6, 0.005);

    private BAlexNetFixture() {
    }

    static DnnGraph graph() {
        return DnnGraph.builder()
                .addLayer(Layer.input("input", 3 * 32 * 32 * 4))
                .addLayer(new Layer("conv1", 2.0 * 3 * 25 * 32 * 32 * 32, 32 * 15 * 15 * 4, 3 * 25 * 32 * 4))
                .addLayer(new Layer("conv2", 2.0 * 32 * 25 * 64 * 15 * 15, 64 * 7 * 7 * 4, 32 * 25 * 64 * 4))
                .addLayer(new Layer("conv3", 2.0 * 64 * 9 * 96 * 7 * 7, 96 * 7 * 7 * 4, 64 * 9 * 96 * 4))
                .addLayer(new Layer("conv4", 2.0 * 96 * 9 * 96 * 7 * 7, 96 * 7 * 7 * 4, 96 * 9 * 96 * 4))
                .addLayer(new Layer("conv5", 2.0 * 96 * 9 * 64 * 7 * 7, 64 * 3 * 3 * 4, 96 * 9 * 64 * 4))
                .addLayer(new Layer("fc1", 2.0 * 576 * 256, 256 * 4, 576 * 256 * 4))
                .addLayer(new Layer("fc2", 2.0 * 256 * 128, 128 * 4, 256 * 128 * 4))
                .addLayer(new Layer("fc3", 2.0 * 128 * 10, 10 * 4, 128 * 10 * 4))
                .addArc("input", "conv1").addArc("conv1", "conv2").addArc("conv2", "conv3")
                .addArc("conv3", "conv4").addArc("conv4", "conv5").addArc("conv5", "fc1")
                .addArc("fc1", "fc2").addArc("fc2", "fc3")
                .addExit(new Exit("exit1", "conv1", 2.0 * 32 * 9 * 32 * 15 * 15 + 2.0 * 32 * 15 * 15 * 10,
                        0.656, 0.78))
                .addExit(new Exit("exit2", "conv2", 2.0 * 64 * 9 * 32 * 7 * 7 + 2.0 * 32 * 7 * 7 * 10,
                        0.656 + 0.252, 0.80))
                .build();
    }
}
