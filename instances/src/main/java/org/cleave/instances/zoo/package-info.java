/**
 * The model zoo: a shape-inference builder ({@link org.cleave.instances.zoo.ShapeInference}), the
 * networks of the collaborative-inference literature ({@link org.cleave.instances.zoo.Zoo}) as
 * layer-level DAGs and block-level chains ({@link org.cleave.instances.zoo.BlockView}),
 * multi-exit variants, and DOT/GraphML export ({@link org.cleave.instances.zoo.GraphExport}).
 */
package org.cleave.instances.zoo;
