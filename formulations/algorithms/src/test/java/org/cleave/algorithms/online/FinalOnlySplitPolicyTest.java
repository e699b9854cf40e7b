package org.cleave.algorithms.online;

import org.cleave.core.online.SplitPolicy;
import org.cleave.core.online.SplitPolicyContract;

class FinalOnlySplitPolicyTest extends SplitPolicyContract {
    @Override
    protected SplitPolicy createPolicy() {
        return FixedSplitPolicy.finalOnly();
    }
}
