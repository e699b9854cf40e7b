package org.cleave.algorithms.online;

import org.cleave.core.online.SplitPolicy;
import org.cleave.core.online.SplitPolicyContract;

class SplitEeTest extends SplitPolicyContract {
    @Override
    protected SplitPolicy createPolicy() {
        return UcbSplitPolicy.splitEe();
    }

    @Override
    protected boolean learns() {
        return true;
    }
}
