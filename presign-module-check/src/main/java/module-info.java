/**
 * A modular application that uses presign: it may read dev.presign and dev.presign.setup and
 * nothing of presign's internals. It does not require java.net.http: only presign's self-test needs
 * it, and ModularAppTest shows what happens with and without it.
 */
module dev.presign.check {
  requires transitive dev.presign;

  exports dev.presign.check;
}
