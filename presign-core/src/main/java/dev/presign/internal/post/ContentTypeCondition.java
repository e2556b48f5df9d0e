package dev.presign.internal.post;

/**
 * What a POST policy says about the Content-Type field: exactly a type, or any type under a prefix.
 *
 * @param value the exact normalized type, e.g. {@code image/png}, or the prefix, e.g. {@code image/}
 * @param prefix whether {@code value} is a prefix ({@code starts-with}) rather than the exact type
 */
public record ContentTypeCondition(String value, boolean prefix) {}
