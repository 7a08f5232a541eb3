/**
 * What an operator watches: the bundle's meters on Keycloak's metrics endpoint, made from the events the BSF, the
 * NAF and the federation write ({@link org.ucdgba.observability.BundleMetrics}).
 */
package org.ucdgba.observability;
