/**
 * The P2 instance format: {@link org.cleave.instances.exits.ExitsCodec} (family key {@code exits}).
 */
package org.cleave.instances.exits;
