package org.cleave.core.upload;

import java.util.List;
import org.cleave.core.model.Checks;

/**
 * A multi-user P5 plan: one {@link UserAllocation} per user, in the problem's user order.
 *
 * @param allocations per-user placement and units
 */
public record MultiUserUploadPlan(List<UserAllocation> allocations) {
    public MultiUserUploadPlan {
        Checks.present("allocations", allocations);
        allocations = List.copyOf(allocations);
    }
}
