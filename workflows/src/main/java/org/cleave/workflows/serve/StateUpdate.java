package org.cleave.workflows.serve;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.cleave.core.model.CostWeights;

/**
 * A change of a {@link Session}'s state: every field optional, every value absolute (not an
 * increment). Which fields a family has is listed in {@code docs/protocol.md}; a session refuses a
 * field its family has not, naming it. Validation of the values happens in
 * {@link Session#set(StateUpdate)} (messages name the field as spelled here).
 *
 * @param uplinkBitsPerSecond       uplink rate, bit/s (P1, P2)
 * @param downlinkBitsPerSecond     downlink rate, bit/s (P1, P2)
 * @param linkLatencySeconds        fixed link latency, s (P1, P2)
 * @param deviceLoad                device load ρ ∈ [0, 1) (P1, P2)
 * @param weights                   objective weights (P1, P2 variant (a), P4)
 * @param latencyBoundSeconds       P2: variant (a)'s optional bound or variant (b)'s L, s
 * @param accuracyFloor             P2 variant (a): the accuracy floor A_min
 * @param userUplinkBitsPerSecond   P4: one uplink rate per user, bit/s
 * @param userDownlinkBitsPerSecond P4: one downlink rate per user, bit/s
 */
public record StateUpdate(OptionalDouble uplinkBitsPerSecond, OptionalDouble downlinkBitsPerSecond,
                          OptionalDouble linkLatencySeconds, OptionalDouble deviceLoad,
                          Optional<CostWeights> weights, OptionalDouble latencyBoundSeconds,
                          OptionalDouble accuracyFloor, Optional<List<Double>> userUplinkBitsPerSecond,
                          Optional<List<Double>> userDownlinkBitsPerSecond) {
    /** The field names, in the order {@link #fields()} lists them. */
    public static final List<String> FIELD_NAMES = List.of("uplinkBitsPerSecond", "downlinkBitsPerSecond",
            "linkLatencySeconds", "deviceLoad", "weights", "latencyBoundSeconds", "accuracyFloor",
            "userUplinkBitsPerSecond", "userDownlinkBitsPerSecond");

    public StateUpdate {
        uplinkBitsPerSecond = orEmpty(uplinkBitsPerSecond);
        downlinkBitsPerSecond = orEmpty(downlinkBitsPerSecond);
        linkLatencySeconds = orEmpty(linkLatencySeconds);
        deviceLoad = orEmpty(deviceLoad);
        weights = weights == null ? Optional.empty() : weights;
        latencyBoundSeconds = orEmpty(latencyBoundSeconds);
        accuracyFloor = orEmpty(accuracyFloor);
        userUplinkBitsPerSecond = copy(userUplinkBitsPerSecond);
        userDownlinkBitsPerSecond = copy(userDownlinkBitsPerSecond);
    }

    private static OptionalDouble orEmpty(OptionalDouble v) {
        return v == null ? OptionalDouble.empty() : v;
    }

    private static Optional<List<Double>> copy(Optional<List<Double>> v) {
        // List.copyOf refuses null entries; a null rate is reported by Session.set with its index
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(java.util.Collections.unmodifiableList(
                new ArrayList<>(v.get())));
    }

    /** No change. */
    public static StateUpdate none() {
        return builder().build();
    }

    /** A builder with no field set. */
    public static Builder builder() {
        return new Builder();
    }

    /** The names of the fields that are set, in {@link #FIELD_NAMES} order. */
    public Set<String> fields() {
        Set<String> s = new LinkedHashSet<>();
        if (uplinkBitsPerSecond.isPresent()) {
            s.add("uplinkBitsPerSecond");
        }
        if (downlinkBitsPerSecond.isPresent()) {
            s.add("downlinkBitsPerSecond");
        }
        if (linkLatencySeconds.isPresent()) {
            s.add("linkLatencySeconds");
        }
        if (deviceLoad.isPresent()) {
            s.add("deviceLoad");
        }
        if (weights.isPresent()) {
            s.add("weights");
        }
        if (latencyBoundSeconds.isPresent()) {
            s.add("latencyBoundSeconds");
        }
        if (accuracyFloor.isPresent()) {
            s.add("accuracyFloor");
        }
        if (userUplinkBitsPerSecond.isPresent()) {
            s.add("userUplinkBitsPerSecond");
        }
        if (userDownlinkBitsPerSecond.isPresent()) {
            s.add("userDownlinkBitsPerSecond");
        }
        return s;
    }

    /** Whether no field is set. */
    public boolean isEmpty() {
        return fields().isEmpty();
    }

    /** Builds a {@link StateUpdate}; not thread-safe. */
    public static final class Builder {
        private OptionalDouble uplink = OptionalDouble.empty();
        private OptionalDouble downlink = OptionalDouble.empty();
        private OptionalDouble latency = OptionalDouble.empty();
        private OptionalDouble load = OptionalDouble.empty();
        private Optional<CostWeights> weights = Optional.empty();
        private OptionalDouble bound = OptionalDouble.empty();
        private OptionalDouble floor = OptionalDouble.empty();
        private Optional<List<Double>> userUplink = Optional.empty();
        private Optional<List<Double>> userDownlink = Optional.empty();

        private Builder() {
        }

        /** Uplink rate, bit/s. */
        public Builder uplinkBitsPerSecond(double v) {
            uplink = OptionalDouble.of(v);
            return this;
        }

        /** Downlink rate, bit/s. */
        public Builder downlinkBitsPerSecond(double v) {
            downlink = OptionalDouble.of(v);
            return this;
        }

        /** Fixed link latency, s. */
        public Builder linkLatencySeconds(double v) {
            latency = OptionalDouble.of(v);
            return this;
        }

        /** Device load ρ ∈ [0, 1). */
        public Builder deviceLoad(double v) {
            load = OptionalDouble.of(v);
            return this;
        }

        /** Objective weights. */
        public Builder weights(CostWeights v) {
            weights = Optional.of(v);
            return this;
        }

        /** P2 latency bound, s. */
        public Builder latencyBoundSeconds(double v) {
            bound = OptionalDouble.of(v);
            return this;
        }

        /** P2 variant (a) accuracy floor. */
        public Builder accuracyFloor(double v) {
            floor = OptionalDouble.of(v);
            return this;
        }

        /** P4 per-user uplink rates, bit/s. */
        public Builder userUplinkBitsPerSecond(List<Double> v) {
            userUplink = Optional.of(v);
            return this;
        }

        /** P4 per-user downlink rates, bit/s. */
        public Builder userDownlinkBitsPerSecond(List<Double> v) {
            userDownlink = Optional.of(v);
            return this;
        }

        /** The update. */
        public StateUpdate build() {
            return new StateUpdate(uplink, downlink, latency, load, weights, bound, floor, userUplink, userDownlink);
        }
    }
}
