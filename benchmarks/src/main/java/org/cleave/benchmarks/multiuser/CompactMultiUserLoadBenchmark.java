package org.cleave.benchmarks.multiuser;

import java.util.concurrent.TimeUnit;
import org.cleave.core.solve.Family;
import org.cleave.core.solve.Problem;
import org.cleave.instances.io.Instance;
import org.cleave.instances.io.InstanceJson;
import org.cleave.instances.multiuser.CompactMultiUser;
import org.cleave.instances.multiuser.MultiUserCodec;
import org.cleave.instances.multiuser.RandomZooMultiUserInstances;
import org.cleave.instances.profiles.Profiles;
import org.cleave.instances.zoo.Zoo;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Loading a P4 file (issue 22): the text {@code cleave generate multiuser --users N --units 64
 * --models resnet18-exits,mobilenetv2-exits --network 4g} writes, in the compact form (models
 * declared once, options generated on load by {@code PlanOptions}) or with
 * {@code --explicit-options} (every option spelled out), parsed and validated into the problem by
 * {@link InstanceJson#read(String, String)}. The text is made in the setup; the benchmark is
 * everything {@code cleave solve} does before the solver runs, except reading the bytes.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CompactMultiUserLoadBenchmark {
    @Param({"100"})
    public int users;

    @Param({"compact", "explicit"})
    public String form;

    private String text;

    @Setup
    public void setUp() {
        CompactMultiUser c = new RandomZooMultiUserInstances(name -> Zoo.get(name).blockGraph(), Profiles::network)
                .generateCompact(users, 64, 1, MultiUserScaleBenchmark.MODELS, "4g",
                        RandomZooMultiUserInstances.DEFAULT_EDGE_FLOPS_PER_SECOND);
        text = form.equals("compact")
                ? InstanceJson.text(InstanceJson.toJson(Family.MULTIUSER, "mu", "", r -> MultiUserCodec.writeCompact(c, r),
                null))
                : InstanceJson.write(Instance.of("mu", c.toProblem()));
    }

    @Benchmark
    public Problem<?> load() {
        return InstanceJson.read(text, "mu.json").problem();
    }
}
