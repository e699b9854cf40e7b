/**
 * The JSON instance format: reading and writing whole instance files
 * ({@link org.cleave.instances.io.InstanceJson}), the parts every family shares
 * ({@link org.cleave.instances.io.ModelJson}), the field-by-field checks
 * ({@link org.cleave.instances.io.Json}) whose errors name the JSON path and value, and the
 * per-family {@link org.cleave.instances.io.FamilyCodec} extension point found through
 * {@link java.util.ServiceLoader}.
 */
package org.cleave.instances.io;
