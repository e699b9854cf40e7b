/**
 * The P6 instance format ({@code "family": "stopping"}): {@link org.cleave.instances.stopping.StoppingCodec}.
 * After Yan, Bi and Zhang, arXiv:2105.13618 (doi:10.48550/arXiv.2105.13618).
 */
package org.cleave.instances.stopping;
