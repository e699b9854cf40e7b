package org.cleave.instances.zoo;

import java.util.List;

/**
 * The torchvision classification networks, layer for layer as in torchvision's model definitions
 * (torchvision/models/*.py, https://github.com/pytorch/vision), inference graphs without
 * auxiliary classifiers, 1000 ImageNet classes, 224×224 input (Inception-v3 299×299).
 */
final class TorchvisionModels {
    static final String SOURCE = "torchvision model definitions (pytorch/vision, torchvision/models), inference graph";

    private TorchvisionModels() {
    }

    static ShapeInference start(int size, DataType dataType) {
        return ShapeInference.start("input", new Shape(3, size, size), dataType);
    }

    /** conv (no bias) → batch norm → ReLU, torchvision's {@code BasicConv2d} / ResNet stem. */
    static String convBnRelu(ShapeInference n, String prefix, String in, Conv c) {
        String x = n.conv(prefix + ".conv", in, c.noBias());
        x = n.batchNorm(prefix + ".bn", x);
        return n.relu(prefix + ".relu", x);
    }

    /** Krizhevsky et al., NeurIPS 2012 (torchvision's one-GPU variant, 64-192-384-256-256). */
    static ShapeInference alexnet(DataType dt) {
        ShapeInference n = start(224, dt);
        String x = n.conv("features.0", n.input(), Conv.of(64, 11).stride(4).pad(2));
        x = n.relu("features.1", x);
        x = n.maxPool("features.2", x, Pool.of(3, 2));
        x = n.conv("features.3", x, Conv.of(192, 5).pad(2));
        x = n.relu("features.4", x);
        x = n.maxPool("features.5", x, Pool.of(3, 2));
        x = n.conv("features.6", x, Conv.of(384, 3).pad(1));
        x = n.relu("features.7", x);
        x = n.conv("features.8", x, Conv.of(256, 3).pad(1));
        x = n.relu("features.9", x);
        x = n.conv("features.10", x, Conv.of(256, 3).pad(1));
        x = n.relu("features.11", x);
        x = n.maxPool("features.12", x, Pool.of(3, 2));
        x = n.adaptiveAvgPool("avgpool", x, 6, 6);
        x = n.flatten("flatten", x);
        x = n.dropout("classifier.0", x);
        x = n.linear("classifier.1", x, 4096);
        x = n.relu("classifier.2", x);
        x = n.dropout("classifier.3", x);
        x = n.linear("classifier.4", x, 4096);
        x = n.relu("classifier.5", x);
        n.linear("classifier.6", x, 1000);
        return n;
    }

    /** Ids of VGG-16's five max-pooling layers, the ends of its conv stages. */
    static final List<String> VGG16_POOLS = List.of("features.4", "features.9", "features.16", "features.23",
            "features.30");

    /** Simonyan and Zisserman, ICLR 2015, configuration D, without batch norm. */
    static ShapeInference vgg16(DataType dt) {
        ShapeInference n = start(224, dt);
        int[] cfg = {64, 64, 0, 128, 128, 0, 256, 256, 256, 0, 512, 512, 512, 0, 512, 512, 512, 0};
        String x = n.input();
        int i = 0;
        for (int c : cfg) {
            if (c == 0) {
                x = n.maxPool("features." + i++, x, Pool.of(2, 2));
            } else {
                x = n.conv("features." + i++, x, Conv.of(c, 3).pad(1));
                x = n.relu("features." + i++, x);
            }
        }
        x = n.adaptiveAvgPool("avgpool", x, 7, 7);
        x = n.flatten("flatten", x);
        x = n.linear("classifier.0", x, 4096);
        x = n.relu("classifier.1", x);
        x = n.dropout("classifier.2", x);
        x = n.linear("classifier.3", x, 4096);
        x = n.relu("classifier.4", x);
        x = n.dropout("classifier.5", x);
        n.linear("classifier.6", x, 1000);
        return n;
    }

    /** He et al., CVPR 2016; ResNet-18 ({@code bottleneck = false}, [2,2,2,2]) or ResNet-50 (v1.5, [3,4,6,3]). */
    static ShapeInference resnet(boolean bottleneck, DataType dt) {
        int[] blocks = bottleneck ? new int[] {3, 4, 6, 3} : new int[] {2, 2, 2, 2};
        int expansion = bottleneck ? 4 : 1;
        ShapeInference n = start(224, dt);
        String x = n.conv("conv1", n.input(), Conv.of(64, 7).stride(2).pad(3).noBias());
        x = n.batchNorm("bn1", x);
        x = n.relu("relu", x);
        x = n.maxPool("maxpool", x, Pool.of(3, 2).pad(1));
        int inPlanes = 64;
        for (int stage = 0; stage < 4; stage++) {
            int planes = 64 << stage;
            for (int b = 0; b < blocks[stage]; b++) {
                int stride = stage > 0 && b == 0 ? 2 : 1;
                String p = "layer" + (stage + 1) + "." + b;
                String y;
                if (bottleneck) {
                    y = n.conv(p + ".conv1", x, Conv.of(planes, 1).noBias());
                    y = n.relu(p + ".relu1", n.batchNorm(p + ".bn1", y));
                    y = n.conv(p + ".conv2", y, Conv.of(planes, 3).stride(stride).pad(1).noBias());
                    y = n.relu(p + ".relu2", n.batchNorm(p + ".bn2", y));
                    y = n.conv(p + ".conv3", y, Conv.of(planes * expansion, 1).noBias());
                    y = n.batchNorm(p + ".bn3", y);
                } else {
                    y = n.conv(p + ".conv1", x, Conv.of(planes, 3).stride(stride).pad(1).noBias());
                    y = n.relu(p + ".relu1", n.batchNorm(p + ".bn1", y));
                    y = n.conv(p + ".conv2", y, Conv.of(planes, 3).pad(1).noBias());
                    y = n.batchNorm(p + ".bn2", y);
                }
                String shortcut = x;
                if (stride != 1 || inPlanes != planes * expansion) {
                    shortcut = n.conv(p + ".downsample.0", x, Conv.of(planes * expansion, 1).stride(stride).noBias());
                    shortcut = n.batchNorm(p + ".downsample.1", shortcut);
                }
                x = n.relu(p + ".relu", n.add(p + ".add", y, shortcut));
                inPlanes = planes * expansion;
            }
        }
        x = n.adaptiveAvgPool("avgpool", x, 1, 1);
        x = n.flatten("flatten", x);
        n.linear("fc", x, 1000);
        return n;
    }

    /** Ids of the last layer of ResNet stages 1 to 4. */
    static List<String> resnetStageEnds(boolean bottleneck) {
        int[] blocks = bottleneck ? new int[] {3, 4, 6, 3} : new int[] {2, 2, 2, 2};
        return List.of("layer1." + (blocks[0] - 1) + ".relu", "layer2." + (blocks[1] - 1) + ".relu",
                "layer3." + (blocks[2] - 1) + ".relu", "layer4." + (blocks[3] - 1) + ".relu");
    }

    /** Szegedy et al., CVPR 2015 (GoogLeNet, torchvision: batch norm, a 3×3 conv in the "5×5" branch). */
    static ShapeInference googlenet(DataType dt) {
        ShapeInference n = start(224, dt);
        String x = convBnRelu(n, "conv1", n.input(), Conv.of(64, 7).stride(2).pad(3));
        x = n.maxPool("maxpool1", x, Pool.of(3, 2).ceil());
        x = convBnRelu(n, "conv2", x, Conv.of(64, 1));
        x = convBnRelu(n, "conv3", x, Conv.of(192, 3).pad(1));
        x = n.maxPool("maxpool2", x, Pool.of(3, 2).ceil());
        x = inception(n, "inception3a", x, 64, 96, 128, 16, 32, 32);
        x = inception(n, "inception3b", x, 128, 128, 192, 32, 96, 64);
        x = n.maxPool("maxpool3", x, Pool.of(3, 2).ceil());
        x = inception(n, "inception4a", x, 192, 96, 208, 16, 48, 64);
        x = inception(n, "inception4b", x, 160, 112, 224, 24, 64, 64);
        x = inception(n, "inception4c", x, 128, 128, 256, 24, 64, 64);
        x = inception(n, "inception4d", x, 112, 144, 288, 32, 64, 64);
        x = inception(n, "inception4e", x, 256, 160, 320, 32, 128, 128);
        x = n.maxPool("maxpool4", x, Pool.of(2, 2).ceil());
        x = inception(n, "inception5a", x, 256, 160, 320, 32, 128, 128);
        x = inception(n, "inception5b", x, 384, 192, 384, 48, 128, 128);
        x = n.adaptiveAvgPool("avgpool", x, 1, 1);
        x = n.flatten("flatten", x);
        x = n.dropout("dropout", x);
        n.linear("fc", x, 1000);
        return n;
    }

    private static String inception(ShapeInference n, String p, String in, int c1, int c3r, int c3, int c5r, int c5,
                                     int pool) {
        String b1 = convBnRelu(n, p + ".branch1", in, Conv.of(c1, 1));
        String b2 = convBnRelu(n, p + ".branch2.0", in, Conv.of(c3r, 1));
        b2 = convBnRelu(n, p + ".branch2.1", b2, Conv.of(c3, 3).pad(1));
        String b3 = convBnRelu(n, p + ".branch3.0", in, Conv.of(c5r, 1));
        b3 = convBnRelu(n, p + ".branch3.1", b3, Conv.of(c5, 3).pad(1));
        String b4 = n.maxPool(p + ".branch4.0", in, Pool.of(3, 1).pad(1).ceil());
        b4 = convBnRelu(n, p + ".branch4.1", b4, Conv.of(pool, 1));
        return n.concat(p + ".cat", b1, b2, b3, b4);
    }

    /** Szegedy et al., CVPR 2016 (Inception-v3, 299×299, without the auxiliary classifier). */
    static ShapeInference inceptionV3(DataType dt) {
        ShapeInference n = start(299, dt);
        String x = convBnRelu(n, "Conv2d_1a_3x3", n.input(), Conv.of(32, 3).stride(2));
        x = convBnRelu(n, "Conv2d_2a_3x3", x, Conv.of(32, 3));
        x = convBnRelu(n, "Conv2d_2b_3x3", x, Conv.of(64, 3).pad(1));
        x = n.maxPool("maxpool1", x, Pool.of(3, 2));
        x = convBnRelu(n, "Conv2d_3b_1x1", x, Conv.of(80, 1));
        x = convBnRelu(n, "Conv2d_4a_3x3", x, Conv.of(192, 3));
        x = n.maxPool("maxpool2", x, Pool.of(3, 2));
        x = inceptionA(n, "Mixed_5b", x, 32);
        x = inceptionA(n, "Mixed_5c", x, 64);
        x = inceptionA(n, "Mixed_5d", x, 64);
        x = inceptionB(n, "Mixed_6a", x);
        x = inceptionC(n, "Mixed_6b", x, 128);
        x = inceptionC(n, "Mixed_6c", x, 160);
        x = inceptionC(n, "Mixed_6d", x, 160);
        x = inceptionC(n, "Mixed_6e", x, 192);
        x = inceptionD(n, "Mixed_7a", x);
        x = inceptionE(n, "Mixed_7b", x);
        x = inceptionE(n, "Mixed_7c", x);
        x = n.adaptiveAvgPool("avgpool", x, 1, 1);
        x = n.dropout("dropout", x);
        x = n.flatten("flatten", x);
        n.linear("fc", x, 1000);
        return n;
    }

    private static String inceptionA(ShapeInference n, String p, String in, int poolFeatures) {
        String b1 = convBnRelu(n, p + ".branch1x1", in, Conv.of(64, 1));
        String b5 = convBnRelu(n, p + ".branch5x5_1", in, Conv.of(48, 1));
        b5 = convBnRelu(n, p + ".branch5x5_2", b5, Conv.of(64, 5).pad(2));
        String b3 = convBnRelu(n, p + ".branch3x3dbl_1", in, Conv.of(64, 1));
        b3 = convBnRelu(n, p + ".branch3x3dbl_2", b3, Conv.of(96, 3).pad(1));
        b3 = convBnRelu(n, p + ".branch3x3dbl_3", b3, Conv.of(96, 3).pad(1));
        String bp = n.avgPool(p + ".avg_pool", in, Pool.of(3, 1).pad(1));
        bp = convBnRelu(n, p + ".branch_pool", bp, Conv.of(poolFeatures, 1));
        return n.concat(p + ".cat", b1, b5, b3, bp);
    }

    private static String inceptionB(ShapeInference n, String p, String in) {
        String b3 = convBnRelu(n, p + ".branch3x3", in, Conv.of(384, 3).stride(2));
        String bd = convBnRelu(n, p + ".branch3x3dbl_1", in, Conv.of(64, 1));
        bd = convBnRelu(n, p + ".branch3x3dbl_2", bd, Conv.of(96, 3).pad(1));
        bd = convBnRelu(n, p + ".branch3x3dbl_3", bd, Conv.of(96, 3).stride(2));
        String bp = n.maxPool(p + ".max_pool", in, Pool.of(3, 2));
        return n.concat(p + ".cat", b3, bd, bp);
    }

    private static String inceptionC(ShapeInference n, String p, String in, int c7) {
        String b1 = convBnRelu(n, p + ".branch1x1", in, Conv.of(192, 1));
        String b7 = convBnRelu(n, p + ".branch7x7_1", in, Conv.of(c7, 1));
        b7 = convBnRelu(n, p + ".branch7x7_2", b7, Conv.of(c7, 1, 7).pad(0, 3));
        b7 = convBnRelu(n, p + ".branch7x7_3", b7, Conv.of(192, 7, 1).pad(3, 0));
        String bd = convBnRelu(n, p + ".branch7x7dbl_1", in, Conv.of(c7, 1));
        bd = convBnRelu(n, p + ".branch7x7dbl_2", bd, Conv.of(c7, 7, 1).pad(3, 0));
        bd = convBnRelu(n, p + ".branch7x7dbl_3", bd, Conv.of(c7, 1, 7).pad(0, 3));
        bd = convBnRelu(n, p + ".branch7x7dbl_4", bd, Conv.of(c7, 7, 1).pad(3, 0));
        bd = convBnRelu(n, p + ".branch7x7dbl_5", bd, Conv.of(192, 1, 7).pad(0, 3));
        String bp = n.avgPool(p + ".avg_pool", in, Pool.of(3, 1).pad(1));
        bp = convBnRelu(n, p + ".branch_pool", bp, Conv.of(192, 1));
        return n.concat(p + ".cat", b1, b7, bd, bp);
    }

    private static String inceptionD(ShapeInference n, String p, String in) {
        String b3 = convBnRelu(n, p + ".branch3x3_1", in, Conv.of(192, 1));
        b3 = convBnRelu(n, p + ".branch3x3_2", b3, Conv.of(320, 3).stride(2));
        String b7 = convBnRelu(n, p + ".branch7x7x3_1", in, Conv.of(192, 1));
        b7 = convBnRelu(n, p + ".branch7x7x3_2", b7, Conv.of(192, 1, 7).pad(0, 3));
        b7 = convBnRelu(n, p + ".branch7x7x3_3", b7, Conv.of(192, 7, 1).pad(3, 0));
        b7 = convBnRelu(n, p + ".branch7x7x3_4", b7, Conv.of(192, 3).stride(2));
        String bp = n.maxPool(p + ".max_pool", in, Pool.of(3, 2));
        return n.concat(p + ".cat", b3, b7, bp);
    }

    private static String inceptionE(ShapeInference n, String p, String in) {
        String b1 = convBnRelu(n, p + ".branch1x1", in, Conv.of(320, 1));
        String b3 = convBnRelu(n, p + ".branch3x3_1", in, Conv.of(384, 1));
        String b3a = convBnRelu(n, p + ".branch3x3_2a", b3, Conv.of(384, 1, 3).pad(0, 1));
        String b3b = convBnRelu(n, p + ".branch3x3_2b", b3, Conv.of(384, 3, 1).pad(1, 0));
        b3 = n.concat(p + ".branch3x3.cat", b3a, b3b);
        String bd = convBnRelu(n, p + ".branch3x3dbl_1", in, Conv.of(448, 1));
        bd = convBnRelu(n, p + ".branch3x3dbl_2", bd, Conv.of(384, 3).pad(1));
        String bda = convBnRelu(n, p + ".branch3x3dbl_3a", bd, Conv.of(384, 1, 3).pad(0, 1));
        String bdb = convBnRelu(n, p + ".branch3x3dbl_3b", bd, Conv.of(384, 3, 1).pad(1, 0));
        bd = n.concat(p + ".branch3x3dbl.cat", bda, bdb);
        String bp = n.avgPool(p + ".avg_pool", in, Pool.of(3, 1).pad(1));
        bp = convBnRelu(n, p + ".branch_pool", bp, Conv.of(192, 1));
        return n.concat(p + ".cat", b1, b3, bd, bp);
    }

    /** The inverted-residual settings t (expansion), c (channels), n (repeats), s (stride). */
    private static final int[][] MOBILENET_V2 = {{1, 16, 1, 1}, {6, 24, 2, 2}, {6, 32, 3, 2}, {6, 64, 4, 2},
            {6, 96, 3, 1}, {6, 160, 3, 2}, {6, 320, 1, 1}};

    /** Sandler et al., CVPR 2018 (MobileNetV2, width 1.0). */
    static ShapeInference mobilenetV2(DataType dt) {
        ShapeInference n = start(224, dt);
        String x = n.conv("features.0.0", n.input(), Conv.of(32, 3).stride(2).pad(1).noBias());
        x = n.activation("features.0.2", n.batchNorm("features.0.1", x), "relu6");
        int in = 32;
        int f = 1;
        for (int[] s : MOBILENET_V2) {
            for (int i = 0; i < s[2]; i++) {
                int stride = i == 0 ? s[3] : 1;
                String p = "features." + f++;
                int hidden = in * s[0];
                String y = x;
                if (s[0] != 1) {
                    y = n.conv(p + ".expand.conv", y, Conv.of(hidden, 1).noBias());
                    y = n.activation(p + ".expand.relu6", n.batchNorm(p + ".expand.bn", y), "relu6");
                }
                y = n.conv(p + ".dw.conv", y, Conv.of(hidden, 3).stride(stride).pad(1).groups(hidden).noBias());
                y = n.activation(p + ".dw.relu6", n.batchNorm(p + ".dw.bn", y), "relu6");
                y = n.conv(p + ".project.conv", y, Conv.of(s[1], 1).noBias());
                y = n.batchNorm(p + ".project.bn", y);
                x = stride == 1 && in == s[1] ? n.add(p + ".add", x, y) : y;
                in = s[1];
            }
        }
        x = n.conv("features.18.0", x, Conv.of(1280, 1).noBias());
        x = n.activation("features.18.2", n.batchNorm("features.18.1", x), "relu6");
        x = n.adaptiveAvgPool("avgpool", x, 1, 1);
        x = n.flatten("flatten", x);
        x = n.dropout("classifier.0", x);
        n.linear("classifier.1", x, 1000);
        return n;
    }

    /**
     * Ids of the last layer of the MobileNetV2 inverted-residual groups with 24, 32, 64 and 160
     * output channels (the ends of the stride-2 stages before the last).
     */
    static final List<String> MOBILENET_V2_STAGE_ENDS = List.of("features.3.add", "features.6.add",
            "features.10.add", "features.16.add");
}
