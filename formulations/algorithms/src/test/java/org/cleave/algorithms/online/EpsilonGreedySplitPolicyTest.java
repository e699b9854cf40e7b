package org.cleave.algorithms.online;

import org.cleave.core.online.SplitPolicy;
import org.cleave.core.online.SplitPolicyContract;

class EpsilonGreedySplitPolicyTest extends SplitPolicyContract {
    @Override
    protected SplitPolicy createPolicy() {
        return new EpsilonGreedySplitPolicy(EpsilonGreedySplitPolicy.DEFAULT_EPSILON);
    }

    @Override
    protected boolean learns() {
        return true;
    }
}
