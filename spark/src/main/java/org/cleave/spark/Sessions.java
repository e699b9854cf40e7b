package org.cleave.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of a job: the master given by {@code spark-submit} (system property
 * {@code spark.master}) wins; else {@code --master}; else the embedded {@code local[N]}.
 */
final class Sessions {
    /** Configuration key of the test-only failure hook: the partition whose first attempt fails. */
    static final String FAIL_FIRST_ATTEMPT = "spark.cleave.test.failFirstAttemptOfPartition";

    private Sessions() {
    }

    /**
     * A session named {@code appName}; {@code master} is used when no master is configured
     * (null: {@code localDefault}).
     */
    static SparkSession open(String appName, String master, String localDefault) {
        SparkConf conf = new SparkConf().setAppName(appName);
        if (!conf.contains("spark.master")) {
            conf.setMaster(master != null ? master : localDefault);
        } else if (master != null) {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.ui.showConsoleProgress", "false");
        if (conf.get("spark.master").startsWith("local")) {
            // embedded: no web UI, and nothing listens beyond the loopback address
            conf.setIfMissing("spark.ui.enabled", "false");
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        }
        SparkSession session = SparkSession.builder().config(conf).getOrCreate();
        session.sparkContext().setLogLevel(conf.get("spark.cleave.logLevel", "WARN"));
        return session;
    }

    /** The partition whose first attempt the test-only hook fails, or -1. */
    static int failFirstAttemptOf(SparkSession session) {
        return Integer.parseInt(session.conf().get(FAIL_FIRST_ATTEMPT, "-1"));
    }

    /** Throws on the first attempt of {@code partition} when the hook names it (test-only). */
    static void maybeFail(int hookPartition, int partition) {
        var task = org.apache.spark.TaskContext.get();
        if (hookPartition >= 0 && hookPartition == partition && task != null && task.attemptNumber() == 0) {
            throw new IllegalStateException(FAIL_FIRST_ATTEMPT + ": injected failure of the first attempt of "
                    + "partition " + partition);
        }
    }
}
