/**
 * P4 (multi-user partition, exit and resource allocation) instances: the JSON codec
 * ({@link org.cleave.instances.multiuser.MultiUserCodec}, family key {@code multiuser}) and the
 * generator behind {@code cleave generate multiuser}
 * ({@link org.cleave.instances.multiuser.MultiUserGenerator}).
 */
package org.cleave.instances.multiuser;
