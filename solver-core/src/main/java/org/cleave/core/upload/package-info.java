/**
 * P5, partition with on-demand model uploading (Yang et al., "MJOA-MU", Computer Networks 2023,
 * doi:10.1016/j.comnet.2023.109801): {@link org.cleave.core.upload.UploadProblem} with its
 * {@link org.cleave.core.upload.UploadMode} (parallel, serial, preloaded), the event-driven
 * evaluator {@link org.cleave.core.upload.UploadEvaluator} that returns the timeline
 * ({@link org.cleave.core.upload.TimelineEvent}) and the cost
 * ({@link org.cleave.core.upload.UploadCost}); and the multi-user extension
 * {@link org.cleave.core.upload.MultiUserUploadProblem}, where users share the uplink and the edge's
 * compute in units as in P4; seeded random instances of both
 * ({@link org.cleave.core.upload.RandomUploadInstances}).
 */
package org.cleave.core.upload;
