package org.cleave.core.multiuser;

import java.util.List;
import java.util.OptionalDouble;
import org.cleave.core.model.Checks;
import org.cleave.core.model.Device;
import org.cleave.core.model.InvalidModelException;
import org.cleave.core.model.Link;

/**
 * One user of P4: their device, their channel and their stated plan options.
 *
 * <p>The channel's {@code uplinkBitsPerSecond} is the rate this user would get holding the
 * <em>whole</em> shared uplink (all K_B units; it differs between users through their channel
 * quality); with k_B units the user's uplink rate is {@code k_B · uplinkBitsPerSecond / K_B}. The
 * downlink is not shared: the result comes back at {@code downlinkBitsPerSecond}.
 * {@code device.flopsPerSecond()} and {@code device.computeWatts()} are not used by the evaluator
 * (the options already state device time and energy); {@code transmitWatts} and
 * {@code idleWatts} are.
 *
 * @param id              unique user id
 * @param device          the user's device
 * @param link            the user's channel
 * @param deadlineSeconds optional bound on the user's expected latency T_i, s
 * @param accuracyFloor   optional lower bound on the chosen option's expected accuracy
 * @param options         the stated plan options, at least one
 */
public record User(String id, Device device, Link link, OptionalDouble deadlineSeconds, OptionalDouble accuracyFloor,
                   List<PlanOption> options) {
    public User {
        Checks.identifier("id", id);
        Checks.present("device", device);
        Checks.present("link", link);
        Checks.present("deadlineSeconds", deadlineSeconds);
        Checks.present("accuracyFloor", accuracyFloor);
        deadlineSeconds.ifPresent(d -> Checks.positive("deadlineSeconds", d));
        accuracyFloor.ifPresent(a -> Checks.probability("accuracyFloor", a));
        options = List.copyOf(Checks.present("options", options));
        if (options.isEmpty()) {
            throw new InvalidModelException("options", "user \"" + id + "\" must have at least one plan option, got 0");
        }
    }

    /** A user without deadline or accuracy floor. */
    public User(String id, Device device, Link link, List<PlanOption> options) {
        this(id, device, link, OptionalDouble.empty(), OptionalDouble.empty(), options);
    }

    /** Whether option {@code o} meets the accuracy floor. */
    public boolean accurateEnough(int o) {
        return accuracyFloor.isEmpty() || options.get(o).accuracy() >= accuracyFloor.getAsDouble();
    }
}
