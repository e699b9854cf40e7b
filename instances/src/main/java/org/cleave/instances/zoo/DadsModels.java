package org.cleave.instances.zoo;

/**
 * The two chain networks DADS evaluated besides the torchvision ones (Hu et al., INFOCOM 2019,
 * doi:10.1109/INFOCOM.2019.8737614). DADS names them but prints no layer table, so the zoo uses
 * their public reference definitions.
 */
final class DadsModels {
    static final String NIN_SOURCE = "Lin, Chen and Yan, Network In Network, ICLR 2014 (arXiv:1312.4400);"
            + " layer table of the authors' ImageNet Caffe model (Caffe Model Zoo 'NIN-Imagenet'),"
            + " 224x224, as used by DADS (doi:10.1109/INFOCOM.2019.8737614)";
    static final String TINY_YOLO_SOURCE = "Redmon and Farhadi, YOLO9000, CVPR 2017"
            + " (doi:10.1109/CVPR.2017.690); Darknet cfg/yolov2-tiny-voc.cfg, 416x416, 20 VOC classes,"
            + " as used by DADS (doi:10.1109/INFOCOM.2019.8737614)";

    private DadsModels() {
    }

    /**
     * Network in Network for ImageNet: four mlpconv blocks (a k×k convolution followed by two
     * 1×1 "cccp" convolutions, each with ReLU), Caffe pooling (ceil rounding), global average
     * pooling over 1000 maps.
     */
    static ShapeInference nin(DataType dt) {
        ShapeInference n = ShapeInference.start("input", new Shape(3, 224, 224), dt);
        String x = mlpconv(n, 1, 1, n.input(), Conv.of(96, 11).stride(4), 96, 96);
        x = n.maxPool("pool1", x, Pool.of(3, 2).ceil());
        x = mlpconv(n, 2, 3, x, Conv.of(256, 5).pad(2), 256, 256);
        x = n.maxPool("pool2", x, Pool.of(3, 2).ceil());
        x = mlpconv(n, 3, 5, x, Conv.of(384, 3).pad(1), 384, 384);
        x = n.maxPool("pool3", x, Pool.of(3, 2).ceil());
        x = n.dropout("drop", x);
        x = mlpconv(n, 4, 7, x, Conv.of(1024, 3).pad(1), 1024, 1000);
        x = n.avgPool("pool4", x, Pool.of(6, 1));
        n.flatten("flatten", x);
        return n;
    }

    private static String mlpconv(ShapeInference n, int block, int cccp, String in, Conv first, int c1, int c2) {
        String x = n.relu("relu" + block, n.conv("conv" + block, in, first));
        x = n.relu("relu_cccp" + cccp, n.conv("cccp" + cccp, x, Conv.of(c1, 1)));
        return n.relu("relu_cccp" + (cccp + 1), n.conv("cccp" + (cccp + 1), x, Conv.of(c2, 1)));
    }

    /**
     * Tiny YOLOv2 (VOC): nine 3×3 convolutions with batch norm and leaky ReLU, six 2×2 max pools
     * (Darknet pads one row and column after, so the last, stride 1, keeps 13×13) and a 1×1
     * convolution to 5 × (20 + 5) = 125 maps.
     */
    static ShapeInference tinyYoloV2(DataType dt) {
        ShapeInference n = ShapeInference.start("input", new Shape(3, 416, 416), dt);
        int[] filters = {16, 32, 64, 128, 256, 512, 1024, 1024};
        String x = n.input();
        for (int i = 0; i < filters.length; i++) {
            String p = "conv" + (i + 1);
            x = n.conv(p, x, Conv.of(filters[i], 3).pad(1).noBias());
            x = n.activation(p + ".leaky", n.batchNorm(p + ".bn", x), "leaky");
            if (i < 6) {
                x = n.maxPool("maxpool" + (i + 1), x, new Pool(2, i < 5 ? 2 : 1, 0, 1, Pool.Rounding.FLOOR));
            }
        }
        n.conv("conv9", x, Conv.of(125, 1));
        return n;
    }
}
