/**
 * The P5 instance format ({@link org.cleave.instances.upload.UploadCodec}, family key
 * {@code upload}): partition with on-demand model uploading (Yang et al., "MJOA-MU", Computer
 * Networks 2023, doi:10.1016/j.comnet.2023.109801).
 */
package org.cleave.instances.upload;
