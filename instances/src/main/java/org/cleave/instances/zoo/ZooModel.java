package org.cleave.instances.zoo;

import java.util.ArrayList;
import java.util.List;
import org.cleave.core.model.DnnGraph;
import org.cleave.core.model.Exit;

/**
 * A zoo model: the layers shape inference produced ({@link ZooLayer}), the layer-level DAG the
 * solvers use (residual adds and inception concats are real joins), its block-level chain
 * ({@link BlockView}) and, for multi-exit variants, the exits with their statistics. Immutable.
 *
 * <p>Units: {@link org.cleave.core.model.Layer#flops()} of both graphs is FLOPs =
 * 2 × multiply-accumulates for convolutions and linear layers plus element-wise work (see
 * {@link ZooLayer}); bytes per sample in the model's {@link DataType}.
 */
public final class ZooModel {
    private final String name;
    private final String description;
    private final String source;
    private final DataType dataType;
    private final List<ZooLayer> layers;
    private final DnnGraph layerGraph;
    private final BlockView blockView;
    private final String exitStatisticsSource;

    ZooModel(String name, String description, String source, DataType dataType, List<ZooLayer> layers,
             List<Exit> exits, String exitStatisticsSource) {
        this.name = name;
        this.description = description;
        this.source = source;
        this.dataType = dataType;
        this.layers = List.copyOf(layers);
        DnnGraph g = ShapeInference.toGraph(this.layers);
        this.layerGraph = exits.isEmpty() ? g : g.withExits(exits);
        this.blockView = BlockView.of(layerGraph);
        this.exitStatisticsSource = exitStatisticsSource;
    }

    /** The zoo name, e.g. {@code resnet18}. */
    public String name() {
        return name;
    }

    /** One line: the architecture and input size. */
    public String description() {
        return description;
    }

    /** Where the architecture comes from. */
    public String source() {
        return source;
    }

    /** The data type of tensors and weights. */
    public DataType dataType() {
        return dataType;
    }

    /** The layers in topological order, the input first. */
    public List<ZooLayer> layers() {
        return layers;
    }

    /** The layer {@code id}. */
    public ZooLayer layer(String id) {
        for (ZooLayer l : layers) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalArgumentException("layer: \"" + id + "\" is not a layer of " + name);
    }

    /** The layer-level DAG, with the exits of a multi-exit variant. */
    public DnnGraph layerGraph() {
        return layerGraph;
    }

    /** The block-level chain (blocks meet at the layer DAG's cut vertices), with the same exits. */
    public DnnGraph blockGraph() {
        return blockView.graph();
    }

    /** The block-level view with each block's layers. */
    public BlockView blockView() {
        return blockView;
    }

    /** Learnable parameters (torchvision's count). */
    public long parameters() {
        return layers.stream().mapToLong(ZooLayer::parameters).sum();
    }

    /** Multiply-accumulates of the convolutions and linear layers, per sample (exit branches excluded). */
    public long convLinearMultiplyAccumulates() {
        return layers.stream().mapToLong(ZooLayer::multiplyAccumulates).sum();
    }

    /** FLOPs of all layers of the main path, per sample (exit branches excluded). */
    public double flops() {
        return layers.stream().mapToDouble(ZooLayer::flops).sum();
    }

    /** The exits, shallowest first; empty for a single-exit model. */
    public List<Exit> exits() {
        return layerGraph.exits();
    }

    /** Where the exit statistics come from (a paper, or "assumption: ..."); empty without exits. */
    public String exitStatisticsSource() {
        return exitStatisticsSource;
    }

    /**
     * This model with other exit statistics, one per exit in {@link #exits()} order; exit
     * branches and positions are kept.
     *
     * @param statistics the new statistics; rates must be nondecreasing and the final exit's 1
     * @param source     where they come from (recorded in {@link #exitStatisticsSource()})
     */
    public ZooModel withExitStatistics(List<ExitStatistic> statistics, String source) {
        List<Exit> exits = exits();
        if (statistics.size() != exits.size()) {
            throw new IllegalArgumentException("exit statistics: " + name + " has " + exits.size()
                    + " exits, got " + statistics.size() + " statistics");
        }
        List<Exit> updated = new ArrayList<>();
        for (int j = 0; j < exits.size(); j++) {
            Exit e = exits.get(j);
            ExitStatistic s = statistics.get(j);
            updated.add(new Exit(e.id(), e.afterLayer(), e.flops(), s.exitRate(), s.accuracy()));
        }
        return new ZooModel(name, description, this.source, dataType, layers, updated, source == null ? "" : source);
    }

    @Override
    public String toString() {
        return "ZooModel[" + name + ", " + layers.size() + " layers, " + blockView.blocks().size() + " blocks, "
                + exits().size() + " exits]";
    }
}
