/** The P1 (partition) ground-truth scenario: link and device-load axes, placement columns. */
package org.cleave.workflows.groundtruth.partition;
