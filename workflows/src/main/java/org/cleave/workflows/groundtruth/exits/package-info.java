/** The P2 (early exits) ground-truth scenario: link, load, latency-bound and accuracy-floor axes. */
package org.cleave.workflows.groundtruth.exits;
