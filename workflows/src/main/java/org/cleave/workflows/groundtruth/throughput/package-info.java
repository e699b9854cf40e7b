/** The P3 (throughput) ground-truth scenario: link, load, frame-rate and accuracy-floor axes. */
package org.cleave.workflows.groundtruth.throughput;
