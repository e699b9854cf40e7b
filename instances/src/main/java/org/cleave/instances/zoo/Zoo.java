package org.cleave.instances.zoo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The model zoo: the networks of the collaborative-inference papers, built by
 * {@link ShapeInference} from their reference definitions, each as a layer-level DAG and a
 * block-level chain.
 *
 * <p>Single-exit models: {@code alexnet}, {@code vgg16}, {@code resnet18}, {@code resnet50},
 * {@code googlenet}, {@code inception-v3}, {@code mobilenetv2} (torchvision, 224×224, Inception-v3 299×299, no
 * auxiliary classifiers), {@code nin} and {@code tiny-yolov2} (as DADS used them). Multi-exit
 * variants: {@code b-alexnet} (BranchyNet, CIFAR-10) and {@code resnet18-exits},
 * {@code resnet50-exits}, {@code vgg16-exits}, {@code mobilenetv2-exits} (exits at stage ends,
 * assumed statistics, see {@link ZooModel#exitStatisticsSource()}).
 *
 * <p>FLOPs convention: {@link org.cleave.core.model.Layer#flops()} is FLOPs, 2 × the
 * multiply-accumulates of convolutions and linear layers plus element-wise work
 * ({@link ZooLayer}); {@link ZooModel#convLinearMultiplyAccumulates()} gives the MACs papers quote.
 */
public final class Zoo {
    private record Entry(String description, Function<DataType, ZooModel> factory) {
    }

    private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

    static {
        single("alexnet", "AlexNet (torchvision), 3x224x224", TorchvisionModels::alexnet, TorchvisionModels.SOURCE);
        single("vgg16", "VGG-16 (torchvision, no batch norm), 3x224x224", TorchvisionModels::vgg16,
                TorchvisionModels.SOURCE);
        single("resnet18", "ResNet-18 (torchvision), 3x224x224", dt -> TorchvisionModels.resnet(false, dt),
                TorchvisionModels.SOURCE);
        single("resnet50", "ResNet-50 v1.5 (torchvision), 3x224x224", dt -> TorchvisionModels.resnet(true, dt),
                TorchvisionModels.SOURCE);
        single("googlenet", "GoogLeNet (torchvision, no aux classifiers), 3x224x224", TorchvisionModels::googlenet,
                TorchvisionModels.SOURCE);
        single("inception-v3", "Inception-v3 (torchvision, no aux classifier), 3x299x299",
                TorchvisionModels::inceptionV3, TorchvisionModels.SOURCE);
        single("mobilenetv2", "MobileNetV2 1.0 (torchvision), 3x224x224", TorchvisionModels::mobilenetV2,
                TorchvisionModels.SOURCE);
        single("nin", "Network in Network (ImageNet), 3x224x224, as in DADS", DadsModels::nin, DadsModels.NIN_SOURCE);
        single("tiny-yolov2", "Tiny YOLOv2 (VOC), 3x416x416, as in DADS", DadsModels::tinyYoloV2,
                DadsModels.TINY_YOLO_SOURCE);
        ENTRIES.put("b-alexnet", new Entry("B-AlexNet (BranchyNet), CIFAR-10", MultiExitModels::bAlexNet));
        exits("resnet18-exits", "ResNet-18 with exits after layer1..layer3 (assumed statistics)",
                dt -> TorchvisionModels.resnet(false, dt), TorchvisionModels.resnetStageEnds(false).subList(0, 3),
                MultiExitModels.RESNET18_TOP1);
        exits("resnet50-exits", "ResNet-50 with exits after layer1..layer3 (assumed statistics)",
                dt -> TorchvisionModels.resnet(true, dt), TorchvisionModels.resnetStageEnds(true).subList(0, 3),
                MultiExitModels.RESNET50_TOP1);
        exits("vgg16-exits", "VGG-16 with exits after pool1..pool4 (assumed statistics)", TorchvisionModels::vgg16,
                TorchvisionModels.VGG16_POOLS.subList(0, 4), MultiExitModels.VGG16_TOP1);
        exits("mobilenetv2-exits", "MobileNetV2 with exits after the 24/32/64/160-channel stages (assumed"
                + " statistics)", TorchvisionModels::mobilenetV2, TorchvisionModels.MOBILENET_V2_STAGE_ENDS,
                MultiExitModels.MOBILENET_V2_TOP1);
    }

    private Zoo() {
    }

    private static void single(String name, String description, Function<DataType, ShapeInference> net,
                               String source) {
        ENTRIES.put(name, new Entry(description,
                dt -> new ZooModel(name, description, source, dt, net.apply(dt).layers(), List.of(), "")));
    }

    private static void exits(String name, String description, Function<DataType, ShapeInference> net,
                              List<String> after, double top1) {
        ENTRIES.put(name, new Entry(description, dt -> MultiExitModels.withAssumedExits(name, description,
                TorchvisionModels.SOURCE, net.apply(dt), after, top1, 1000)));
    }

    /** The model names, single-exit models first. */
    public static List<String> names() {
        return List.copyOf(ENTRIES.keySet());
    }

    /** One-line description of model {@code name}. */
    public static String description(String name) {
        return entry(name).description();
    }

    /** The model {@code name} with fp32 tensors and weights. */
    public static ZooModel get(String name) {
        return get(name, DataType.FLOAT32);
    }

    /**
     * The model {@code name} with tensors and weights of type {@code dataType}.
     *
     * @throws IllegalArgumentException naming the known models if {@code name} is unknown
     */
    public static ZooModel get(String name, DataType dataType) {
        return entry(name).factory().apply(dataType);
    }

    private static Entry entry(String name) {
        Entry e = ENTRIES.get(name);
        if (e == null) {
            throw new IllegalArgumentException("model: unknown \"" + name + "\"; known: " + String.join(", ", names()));
        }
        return e;
    }
}
