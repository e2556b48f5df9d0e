/** Implementation of the starter; not an API. */
package dev.presign.spring.internal;
