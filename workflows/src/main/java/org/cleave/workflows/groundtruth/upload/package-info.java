/** The P5 (model uploading) ground-truth scenario: link, load and uploading-mode axes. */
package org.cleave.workflows.groundtruth.upload;
