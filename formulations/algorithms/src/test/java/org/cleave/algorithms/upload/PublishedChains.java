package org.cleave.algorithms.upload;

import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Layer;

/**
 * Test-only chains built from published layer shapes (float32 tensors and weights, biases
 * included; FLOPs = 2·MACs for conv/fc, window·outputs for max-pooling; ReLU and LRN folded into
 * the preceding layer at no cost). Not the zoo: after merge the table should be produced from
 * {@code org.cleave.instances.zoo.Zoo.get(...).blockGraph()}.
 */
final class PublishedChains {
    private final DnnGraph.Builder b = DnnGraph.builder();
    private String last = "input";
    private int c;
    private int h;

    private PublishedChains(int channels, int size) {
        c = channels;
        h = size;
        b.addLayer(Layer.input("input", 4.0 * channels * size * size));
    }

    private PublishedChains add(Layer layer) {
        b.addLayer(layer).addArc(last, layer.id());
        last = layer.id();
        return this;
    }

    PublishedChains conv(String id, int out, int k, int stride, int pad, int groups) {
        int ho = (h + 2 * pad - k) / stride + 1;
        double macs = (double) ho * ho * out * k * k * c / groups;
        double params = (double) k * k * c / groups * out + out;
        c = out;
        h = ho;
        return add(new Layer(id, 2 * macs, 4.0 * c * h * h, 4 * params));
    }

    PublishedChains pool(String id, int k, int stride) {
        h = (h - k) / stride + 1;
        return add(new Layer(id, (double) k * k * c * h * h, 4.0 * c * h * h, 0));
    }

    PublishedChains fc(String id, int out) {
        int in = c * h * h;
        c = out;
        h = 1;
        return add(new Layer(id, 2.0 * in * out, 4.0 * out, 4.0 * ((double) in * out + out)));
    }

    /** AlexNet as in Krizhevsky et al., NIPS 2012 (227×227 input, grouped conv2/4/5). */
    static DnnGraph alexNet() {
        return new PublishedChains(3, 227).conv("conv1", 96, 11, 4, 0, 1).pool("pool1", 3, 2)
                .conv("conv2", 256, 5, 1, 2, 2).pool("pool2", 3, 2).conv("conv3", 384, 3, 1, 1, 1)
                .conv("conv4", 384, 3, 1, 1, 2).conv("conv5", 256, 3, 1, 1, 2).pool("pool5", 3, 2)
                .fc("fc6", 4096).fc("fc7", 4096).fc("fc8", 1000).b.build();
    }

    /** VGG-16, configuration D of Simonyan and Zisserman, ICLR 2015 (224×224 input). */
    static DnnGraph vgg16() {
        PublishedChains n = new PublishedChains(3, 224);
        int[][] stages = {{64, 64}, {128, 128}, {256, 256, 256}, {512, 512, 512}, {512, 512, 512}};
        for (int s = 0; s < stages.length; s++) {
            for (int i = 0; i < stages[s].length; i++) {
                n.conv("conv" + (s + 1) + "_" + (i + 1), stages[s][i], 3, 1, 1, 1);
            }
            n.pool("pool" + (s + 1), 2, 2);
        }
        return n.fc("fc6", 4096).fc("fc7", 4096).fc("fc8", 1000).b.build();
    }
}
