/** Implementation of the starter; not an API. */
@NullMarked
package dev.presign.spring.internal;

import org.jspecify.annotations.NullMarked;
