package org.cleave.instances.zoo;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.cleave.core.model.Exit;

/**
 * Multi-exit variants: B-AlexNet as in BranchyNet, and ResNet, VGG-16 and MobileNetV2 with exits
 * at block boundaries whose statistics are documented assumptions.
 *
 * <p>Every variant has a final exit after the output layer ({@code id "final"}, branch FLOPs 0:
 * the classifier is part of the main graph) with exit rate 1, so the accuracy of samples that
 * reach the end is part of the model.
 */
final class MultiExitModels {
    static final String BRANCHYNET_SOURCE = "Teerapittayanon, McDanel and Kung, BranchyNet, ICPR 2016"
            + " (doi:10.1109/ICPR.2016.7900006); layers as the authors' Chainer B-AlexNet for CIFAR-10"
            + " (kunglab/branchynet, networks/alex_cifar10.py), 3x32x32 input";
    static final String BRANCHYNET_STATISTICS = "BranchyNet Table 1 (B-AlexNet, CIFAR-10): 65.6 / 25.2 / 9.2 %"
            + " of samples exit at exits 1 / 2 / final, overall accuracy 79.19 %; per-exit accuracy is not"
            + " reported, assumption: 0.78 and 0.80 at the side exits and 0.8546 at the final classifier, increasing"
            + " with depth and giving 79.19 % overall";
    static final String ASSUMED_STATISTICS = "assumption (not measured): with K exits before the final"
            + " classifier, exit k (1..K) has cumulative exit rate 0.5*k/K and accuracy"
            + " top1*(0.85 + 0.15*k/(K+1)), the final exit rate 1 and accuracy top1 (torchvision's ImageNet"
            + " top-1 of the single-exit model); exit branch = global average pool + linear to 1000 classes."
            + " Override with ZooModel.withExitStatistics (per-exit rate and accuracy)";

    /** torchvision's IMAGENET1K_V1 top-1 accuracies (torchvision model documentation). */
    static final double RESNET18_TOP1 = 0.69758;
    static final double RESNET50_TOP1 = 0.76130;
    static final double VGG16_TOP1 = 0.71592;
    static final double MOBILENET_V2_TOP1 = 0.71878;

    private MultiExitModels() {
    }

    /** The FLOPs of an exit branch built by {@code branch} on a tensor of shape {@code in}. */
    static double branchFlops(Shape in, DataType dt, UnaryOperator<ShapeInference> branch) {
        ShapeInference b = branch.apply(ShapeInference.start("branch.in", in, dt));
        return b.flopsAfter("branch.in");
    }

    /** Global average pool + flatten + linear to {@code classes}. */
    static UnaryOperator<ShapeInference> poolLinear(int classes) {
        return b -> {
            String x = b.adaptiveAvgPool("branch.pool", b.input(), 1, 1);
            b.linear("branch.fc", b.flatten("branch.flatten", x), classes);
            return b;
        };
    }

    /** The B-AlexNet main path (CIFAR-10, 10 classes). */
    static ShapeInference bAlexNetMain(DataType dt) {
        ShapeInference n = ShapeInference.start("input", new Shape(3, 32, 32), dt);
        String x = n.conv("conv1", n.input(), Conv.of(32, 5).pad(2));
        x = n.relu("relu1", x);
        x = n.maxPool("pool1", x, Pool.of(3, 2).ceil());
        x = n.localResponseNorm("norm1", x, 3);
        x = n.conv("conv2", x, Conv.of(64, 5).pad(2));
        x = n.relu("relu2", x);
        x = n.maxPool("pool2", x, Pool.of(3, 2).ceil());
        x = n.localResponseNorm("norm2", x, 3);
        x = n.conv("conv3", x, Conv.of(96, 3).pad(1));
        x = n.relu("relu3", x);
        x = n.conv("conv4", x, Conv.of(96, 3).pad(1));
        x = n.relu("relu4", x);
        x = n.conv("conv5", x, Conv.of(64, 3).pad(1));
        x = n.relu("relu5", x);
        x = n.maxPool("pool5", x, Pool.of(3, 2).ceil());
        x = n.flatten("flatten", x);
        x = n.relu("relu6", n.linear("fc1", x, 256));
        x = n.dropout("drop6", x);
        x = n.relu("relu7", n.linear("fc2", x, 128));
        x = n.dropout("drop7", x);
        n.linear("fc3", x, 10);
        return n;
    }

    /**
     * BranchyNet's side branches: ReLU, 3×3/2 max pool, LRN, then {@code convs} 3×3 convolutions
     * with 32 filters and ReLU, a 3×3/2 max pool and a linear layer to 10 classes.
     */
    static UnaryOperator<ShapeInference> branchyBranch(int convs) {
        return b -> {
            String x = b.relu("branch.relu", b.input());
            x = b.maxPool("branch.pool", x, Pool.of(3, 2).ceil());
            x = b.localResponseNorm("branch.norm", x, 3);
            for (int i = 0; i < convs; i++) {
                x = b.relu("branch.relu" + i, b.conv("branch.conv" + i, x, Conv.of(32, 3).pad(1)));
            }
            x = b.maxPool("branch.cap", x, Pool.of(3, 2).ceil());
            b.linear("branch.fc", b.flatten("branch.flatten", x), 10);
            return b;
        };
    }

    /**
     * B-AlexNet: exit 1 after the conv1 block (after {@code norm1}; two-conv branch), exit 2 after
     * the conv2 block (after {@code norm2}; one-conv branch), final classifier, as the issue and
     * BranchyNet's Figure 1 place them. Shares 65.6 / 25.2 / 9.2 % (cumulative rates 0.656, 0.908,
     * 1). Only the overall accuracy, 79.19 %, is published; the per-exit accuracies 0.78 and 0.80
     * and the final classifier's (0.7919 − 0.656·0.78 − 0.252·0.80) / 0.092 ≈ 0.8546 are
     * <b>assumptions</b>, increasing with depth and reproducing 79.19 % exactly.
     */
    static ZooModel bAlexNet(DataType dt) {
        ShapeInference n = bAlexNetMain(dt);
        double finalAccuracy = (0.7919 - 0.656 * 0.78 - 0.252 * 0.80) / 0.092;
        List<Exit> exits = List.of(
                new Exit("exit1", "norm1", branchFlops(n.shape("norm1"), dt, branchyBranch(2)), 0.656, 0.78),
                new Exit("exit2", "norm2", branchFlops(n.shape("norm2"), dt, branchyBranch(1)), 0.908, 0.80),
                new Exit("final", "fc3", 0, 1.0, finalAccuracy));
        return new ZooModel("b-alexnet", "B-AlexNet (BranchyNet), CIFAR-10 3x32x32, 2 side exits + final",
                BRANCHYNET_SOURCE, dt, n.layers(), exits, BRANCHYNET_STATISTICS);
    }

    /** A single-exit model with pool+linear exits after {@code after} and the assumed statistics. */
    static ZooModel withAssumedExits(String name, String description, String source, ShapeInference n,
                                     List<String> after, double top1, int classes) {
        int k = after.size();
        List<Exit> exits = new ArrayList<>();
        for (int j = 1; j <= k; j++) {
            String at = after.get(j - 1);
            exits.add(new Exit("exit" + j, at, branchFlops(n.shape(at), n.dataType(), poolLinear(classes)),
                    0.5 * j / k, top1 * (0.85 + 0.15 * j / (k + 1))));
        }
        List<org.cleave.instances.zoo.ZooLayer> layers = n.layers();
        exits.add(new Exit("final", layers.get(layers.size() - 1).id(), 0, 1.0, top1));
        return new ZooModel(name, description, source, n.dataType(), layers, exits, ASSUMED_STATISTICS);
    }
}
