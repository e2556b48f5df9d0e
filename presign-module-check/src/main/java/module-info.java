/** A modular application that uses presign: it may read dev.presign and nothing of its internals. */
module dev.presign.check {
  requires transitive dev.presign;

  exports dev.presign.check;
}
