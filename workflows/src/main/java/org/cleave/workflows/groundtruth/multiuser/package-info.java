/** The P4 (multi-user) ground-truth scenario: user-count, unit-count, uplink-scale and edge-rate axes. */
package org.cleave.workflows.groundtruth.multiuser;
