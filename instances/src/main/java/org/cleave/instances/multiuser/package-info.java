/**
 * P4 (multi-user partition, exit and resource allocation) instances: the JSON codec
 * ({@link org.cleave.instances.multiuser.MultiUserCodec}, family key {@code multiuser}) and the
 * seeded random instances of named models behind {@code cleave generate multiuser}
 * ({@link org.cleave.instances.multiuser.RandomZooMultiUserInstances}).
 */
package org.cleave.instances.multiuser;
