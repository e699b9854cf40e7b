/**
 * Named network, device and edge-server profiles ({@link org.cleave.instances.profiles.Profiles}),
 * each recording its source.
 */
package org.cleave.instances.profiles;
