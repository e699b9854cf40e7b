/**
 * Instances for Cleave's problem families: the built-in examples
 * ({@link org.cleave.instances.Examples}) at the root, and below it the model zoo
 * ({@code zoo}), device and network profiles ({@code profiles}), the JSON instance format
 * ({@code io}), importers of published layer data ({@code importers}) and one package per family
 * holding that family's instance codec and instance builders.
 */
package org.cleave.instances;
